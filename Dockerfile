# Container recipe for the console. Not exercised by the test suite: build and try it where a
# Docker engine runs. The result runs the bundled server with plain node, no dev tooling.
FROM node:20-bookworm AS build
WORKDIR /src
RUN corepack enable
COPY . .
RUN pnpm install --frozen-lockfile \
 && pnpm build \
 && pnpm --filter @console/bff deploy --prod --legacy /out \
 && cp -r apps/bff/dist /out/dist \
 && mkdir -p /out/web && cp -r apps/web/dist /out/web/dist

FROM node:20-bookworm-slim
WORKDIR /app
COPY --from=build /out /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080 DATA_DIR=/data WEB_DIST=/app/web/dist
# The volume starts as this directory: owned by the user the server runs as, or it cannot write.
RUN mkdir -p /data && chown node:node /data
VOLUME /data
EXPOSE 8080
USER node
CMD ["node", "dist/server.mjs"]
