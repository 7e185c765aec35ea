# syntax=docker/dockerfile:1
# Friendli Image Studio as a container: built in one stage (all dependencies, `npm run build`: the
# web app into dist/, the server into dist-server/), run in a slim one that holds only production
# dependencies and those two folders, as the unprivileged `node` user, with plain `node`.
# No token or key is baked in: give FRIENDLI_TOKEN, APP_ACCESS_KEY (needed: HOST is 0.0.0.0, beyond
# loopback), DATABASE_URL and the rest at run time (compose.yaml's env file, or `docker run -e`).
# server/scripts/container-build.test.ts runs these same steps without Docker.
ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8787
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund
COPY --from=build /app/dist ./dist
COPY --from=build /app/dist-server ./dist-server
# A folder the server may write (an embedded database when DATABASE_URL is unset); mount a volume here.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 8787
# Slim images have no curl: Node's own fetch asks /healthz (no key or sign-in needed) on loopback.
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT || 8787}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--enable-source-maps", "dist-server/index.js"]
