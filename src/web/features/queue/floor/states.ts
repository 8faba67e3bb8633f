import type { FloorCounter } from '../types';

export const STATES: readonly FloorCounter['state'][] = ['serving', 'idle', 'on_break', 'closed'];
export const STATE_COLOR: Record<FloorCounter['state'], string> = { serving: 'blue', idle: 'green', on_break: 'yellow', closed: 'gray' };
