# A small image with `dossier` on PATH: `docker build -t dossier:0.1.0 .`
#
# Each step is a make target that `make test` exercises (Tests/DossierCLITests/InstallTests.swift), so the
# image is built the way the tested install is: `make deps` installs the build packages, `make install`
# builds a release binary with the Swift standard library linked in statically and installs it with its shell
# completions, and the run-time stage installs exactly `make runtime-packages`.

FROM swift:6.3-bookworm AS build
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq make
WORKDIR /src
COPY . .
RUN make deps
RUN make install PREFIX=/opt/dossier

FROM debian:bookworm-slim
# The value of `make runtime-packages` (a test checks that they agree).
ARG RUNTIME_PACKAGES="libcmark-gfm0.29.0.gfm.6 libcmark-gfm-extensions0.29.0.gfm.6 libarchive13 libyaml-0-2 git"
RUN apt-get update -qq \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $RUNTIME_PACKAGES ca-certificates \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /opt/dossier/ /usr/local/
# Mount a workspace here. git refuses a repository owned by another user: run the container as the owner
# (`--user "$(id -u):$(id -g)"`); the image adds no `safe.directory` on your behalf.
WORKDIR /workspace
ENTRYPOINT ["dossier"]
CMD ["--help"]
