// The numbers of the ZIP format (PKWARE APPNOTE 6.3.10) that the archive checks read: record signatures, flag bits
// and the "see the ZIP64 extra field" markers. One place, so the local-header walk and the central-directory check
// read the same format.

/** Record signatures (little-endian "PK.."). */
export const LOCAL_HEADER = 0x04034b50;
export const DATA_DESCRIPTOR = 0x08074b50;
export const DIRECTORY_RECORD = 0x02014b50;
export const ZIP64_END_RECORD = 0x06064b50;
export const ZIP64_LOCATOR = 0x07064b50;
export const END_RECORD = 0x06054b50;

/** General-purpose flag bits. */
export const ENCRYPTED = 0x0001;
export const HAS_DESCRIPTOR = 0x0008;
export const UTF8_NAME = 0x0800;

/** The extra field holding ZIP64 sizes and offsets, and the values that say "look there". */
export const ZIP64_EXTRA = 0x0001;
export const MAX16 = 0xffff;
export const MAX32 = 0xffffffff;
