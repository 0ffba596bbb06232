#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded here.
# `prisma generate` only checks that the path exists; migrations run through the WASM engine instead.
echo "The native Prisma schema engine is not used in this project: run 'pnpm --filter @ree/api db:migrate'." >&2
exit 1
