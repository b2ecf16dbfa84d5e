# syntax=docker/dockerfile:1
# One image per app of the monorepo: `docker build --build-arg APP=otel-app .` (or prom-client-app,
# alert-receiver); docker-compose.yml builds all three. The build stage compiles the whole repo as
# `npm run build` does; the runtime stage keeps dist/, the production dependencies, package.json (the
# OpenTelemetry app reads its version there) and the runbooks (the alert receiver serves them), and runs as the
# unprivileged `node` user.

# The Node.js version the test suite runs on. The other images' versions are at the top of docker-compose.yml.
ARG NODE_IMAGE=node:24.22.3-trixie-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Dependencies first: this layer is rebuilt only when the lockfile changes, not on every source edit.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ARG APP
ENV NODE_ENV=production \
    APP=${APP}
WORKDIR /app
# Owned by root and only readable by `node`: the process cannot rewrite its own code.
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The runbooks the alert receiver serves at /runbooks.
COPY --from=build /app/docs/runbooks.md ./docs/runbooks.md
RUN test -f "dist/apps/${APP}/src/main.js" \
  || { echo "Set --build-arg APP to an app of apps/ (otel-app, prom-client-app, alert-receiver); got '${APP}'" >&2; exit 1; }
USER node
# `exec`: node becomes the shell's process, so `docker stop` reaches it (compose adds `init: true` for reaping).
CMD ["sh", "-c", "exec node dist/apps/${APP}/src/main.js"]
