#!/bin/sh
# Builds the handbook on a host that has no handout (Netlify, Cloudflare
# Pages, any CI): installs Rust and handout the first time, then runs
# `handout build` with the arguments given, e.g.
#   sh build.sh --base-url "https://clinic.example/handbook/"
# Copy this file into the site's folder.
set -eu
HANDOUT_GIT="${HANDOUT_GIT:-https://github.com/handout-sites/handout}"
PATH="$HOME/.cargo/bin:$PATH"
if ! command -v handout >/dev/null 2>&1; then
  if ! command -v cargo >/dev/null 2>&1; then
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
  fi
  cargo install --locked --git "$HANDOUT_GIT" handout
fi
exec handout build "$@"
