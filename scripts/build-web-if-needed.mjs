// Placeholder replaced by the web build check (see src/web). Exits 0 when there is nothing to build.
process.exit(0);
