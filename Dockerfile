# mlci serve: an Open Inference Protocol server for models in an mlci registry.
# Build after `npm run build` (the image ships the bundled dist/, not the sources):
#   docker build -t mlci-serve .
#   docker run -p 8080:8080 -v "$PWD/.mlci/registry:/registry:ro" -e MLCI_ADMIN_TOKEN=… \
#     mlci-serve --registry /registry --model churn@production
FROM node:24-bookworm-slim

# onnxruntime-node's CPU build ships inside the npm package; skip its CUDA download.
ENV NODE_ENV=production ONNXRUNTIME_NODE_INSTALL=skip
WORKDIR /app
# dist/ bundles every other library; only the native packages are installed, from the actions'
# runtime manifest (the versions the actions pin), into a folder named by MLCI_RUNTIME_DIR as there.
ENV MLCI_RUNTIME_DIR=/app/runtime
COPY actions/runtime/package.json actions/runtime/package-lock.json ./runtime/
RUN cd runtime && npm ci --omit=dev --no-audit --no-fund --loglevel=error && npm cache clean --force
# The root manifest only for "type": "module" (dist/ is ESM); nothing is installed from it.
COPY package.json ./
COPY dist/ ./dist/
COPY schema/ ./schema/
COPY LICENSE THIRD_PARTY_NOTICES.md ./

# Never run as root; the registry is mounted read-only and logs go to /app/logs.
RUN mkdir -p /app/logs && chown node:node /app/logs
USER node
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:8080/v2/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# exec form: node is PID 1 and gets SIGTERM, so the server drains in-flight requests before exiting.
ENTRYPOINT ["node", "dist/cli/index.js", "serve", "--host", "0.0.0.0", "--port", "8080"]
CMD ["--model", "model@production"]
