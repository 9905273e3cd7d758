import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  MlciOctokit,
  createOctokit,
  githubClient
} from "./chunk-E4VRRSWS.js";
import "./chunk-N2TVV43K.js";
import "./chunk-3U3CFE5T.js";
import "./chunk-3CG65SHH.js";
export {
  MlciOctokit,
  createOctokit,
  githubClient
};
