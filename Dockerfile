# tally in a container (Debian 12):
#   docker build -t tally .
#   docker run --rm -v "$PWD:/work" tally check reports/
# The build stage installs the build dependencies with .ci/deps.sh (as CI and `make` do), builds the
# Release program and its document-reader module, and packages them with CPack exactly as
# `make package` does. The runtime stage installs that .deb, so it holds the package's Depends (found by
# dpkg-shlibdeps) and nothing else. tests/cli/test_dockerfile.sh checks this file (docs/ci.md says how).
ARG DEBIAN=bookworm

FROM debian:${DEBIAN} AS build
# Only deps.sh first, so this layer stays cached until the package list changes.
COPY .ci/deps.sh /src/.ci/deps.sh
RUN sh /src/.ci/deps.sh build && rm -rf /var/lib/apt/lists/*
COPY . /src
# The build context has no .git (.dockerignore), so the commit `tally --version` names is passed in:
#   docker build --build-arg TALLY_GIT_COMMIT=$(git rev-parse --short=12 HEAD) -t tally .
ARG TALLY_GIT_COMMIT=unknown
# Only what the package installs is built (not the unit tests): cpack with Ninja builds nothing itself,
# it installs the build folder, so the --target list must cover every installed file (the test checks).
RUN cmake -S /src -B /build -G Ninja -DCMAKE_BUILD_TYPE=Release -DTALLY_GIT_COMMIT="$TALLY_GIT_COMMIT" \
 && cmake --build /build --target tally tally_readers tally_man tally_completions \
 && cd /build && cpack -G DEB \
 && cp /build/tally_*.deb /tally.deb

FROM debian:${DEBIAN}-slim AS runtime
COPY --from=build /tally.deb /tmp/tally.deb
# The slim image drops /usr/share/doc; keep tally's, which holds the rule pages findings link to.
RUN echo 'path-include /usr/share/doc/tally/*' >/etc/dpkg/dpkg.cfg.d/tally-docs \
 && apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends /tmp/tally.deb \
 && rm -rf /var/lib/apt/lists/* /tmp/tally.deb \
 && useradd --create-home --uid 1000 --user-group tally \
 && tally --version
ENV LANG=C.UTF-8
USER tally
WORKDIR /work
ENTRYPOINT ["tally"]
CMD ["check", "."]
