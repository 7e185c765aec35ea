// Which dropped or chosen files are gallery zips (by name or type); everything else is read as an image.
export const isZip = (file: File) => /\.zip$/i.test(file.name) || file.type === 'application/zip' || file.type === 'application/x-zip-compressed';
