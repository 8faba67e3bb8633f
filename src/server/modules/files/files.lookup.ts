/**
 * What other modules may use of files (the one file of files they import): the storage (store,
 * read and describe a file, checked against the caller's policy) and the HTTP side of an upload
 * (take it off a multipart request, answer a download). Files knows nothing of what a file is for.
 */
export { contentDisposition, describeFiles, readFile, storeFile, type FilePolicy, type FileView } from './files.service';
export { acceptUploads, etagOf, matchesNoneMatch, openUpload, readUpload, spoolUpload, type OpenUpload, refuseDeclaredOversize, uploadBody, uploadValidator, type Upload } from './files.upload';
export { CHUNK_BYTES, deleteStoredFile, openFileStream, readChunkedContent, spoolStream, storeSpooled, type SpooledFile } from './files.spool';
