# revue in a container: the image the Kubernetes indexed Job of
# deploy/kubernetes/job.yaml runs, one shard per pod (docs/performance.md).
#
#   docker build -t registry.example.com/revue:0.1.0 .
#   docker run --rm -v "$PWD/data:/data:ro" -v "$PWD/output:/reports" \
#     registry.example.com/revue:0.1.0 build --data /data --out /reports

# Compile TypeScript and bundle the command line (tsc, then scripts/bundle.mjs:
# esbuild) with the dev dependencies; only dist/ leaves this stage.
FROM node:20-slim AS compile
WORKDIR /src
COPY package.json package-lock.json .puppeteerrc.cjs tsconfig.json tsconfig.build.json ./
COPY scripts/bundle.mjs ./scripts/
COPY src ./src
RUN npm ci --no-audit --no-fund --ignore-scripts && npm run build:ts

FROM node:20-slim
# Debian's Chromium prints the PDFs (nothing downloads a browser build). revue
# embeds its own typeface in every report; DejaVu is Chromium's fallback for a
# character that face does not hold (a name in another script).
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/revue
COPY package.json package-lock.json .puppeteerrc.cjs ./
# --ignore-scripts: no "prepare" (it compiles, and the compiler is a dev
# dependency) and no puppeteer download.
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts && npm cache clean --force
COPY --from=compile /src/dist ./dist
COPY templates ./templates
COPY schema ./schema
# The command is package.json's "bin": the bundle (dist/bin/bin.js).
RUN chmod +x dist/bin/bin.js && ln -s /opt/revue/dist/bin/bin.js /usr/local/bin/revue

# Chromium's own sandbox needs user namespaces, which most clusters do not
# give a container: the container is the sandbox. The printed page runs no
# script and may load nothing (docs/security.md).
ENV REVUE_BROWSER=/usr/bin/chromium REVUE_NO_SANDBOX=1 NODE_ENV=production
# The image's own unprivileged user (uid 1000), never root.
USER node
WORKDIR /work
ENTRYPOINT ["revue"]
CMD ["--help"]
