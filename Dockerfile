# The handout command in a small image.
#
#   docker build -t handout .                                   # from this folder
#   docker run --rm -v "$PWD:/site" -u "$(id -u):$(id -g)" handout       # builds the site in $PWD
#   docker run --rm -v "$PWD:/site" handout check
#   docker run --rm -v "$PWD:/site" -p 1111:1111 handout serve --bind 0.0.0.0
#
# (-u keeps public/ owned by you rather than by root.)

FROM rust:slim AS build
# Syntax highlighting compiles a small C library (Oniguruma): it needs a C compiler.
RUN apt-get update \
    && apt-get install -y --no-install-recommends gcc libc6-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# The dependencies first, so that a change to handout's own code reuses them.
COPY Cargo.toml Cargo.lock ./
RUN mkdir src && touch src/lib.rs && echo 'fn main() {}' > src/main.rs \
    && cargo fetch --locked \
    && rm -r src
COPY . .
RUN cargo build --release --locked \
    && strip target/release/handout

FROM debian:stable-slim
COPY --from=build /src/target/release/handout /usr/local/bin/handout
WORKDIR /site
EXPOSE 1111
ENTRYPOINT ["handout"]
CMD ["build"]
