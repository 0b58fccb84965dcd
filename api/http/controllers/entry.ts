// tsoa needs an entry file even with a controller glob (TOOLCHAIN.md); this one lists nothing on purpose.
export {};
