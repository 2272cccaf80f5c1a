// The core every module links.
