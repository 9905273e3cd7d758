import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  VariantStats
} from "./chunk-D4WWN4FX.js";
import {
  MODEL_ASSET
} from "./chunk-7VZC23W7.js";
import {
  require_ucs2length
} from "./chunk-4N7NCSDY.js";
import {
  require_dist
} from "./chunk-U7QWIZPG.js";
import {
  CheckFailedError,
  InputError
} from "./chunk-HRKM2MUG.js";
import {
  __toESM
} from "./chunk-3CG65SHH.js";

// src/deploy/kserve.ts
var import_yaml = __toESM(require_dist(), 1);
import { spawn } from "node:child_process";

// src/deploy/inferenceservice.generated.js
var import_ucs2length = __toESM(require_ucs2length(), 1);
var inferenceservice_generated_default = validate10;
var schema11 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://mlci.dev/schema/kserve-inferenceservice-v1beta1-subset.json", "title": "KServe InferenceService (serving.kserve.io/v1beta1): the fields mlci renders", "description": "A subset of KServe's InferenceService CRD (openAPIV3Schema of serving.kserve.io/v1beta1), restricted to what mlci sets, with additionalProperties false so that a misspelt field fails validation. Field names and types follow the CRD: spec.predictor.canaryTrafficPercent (int64), spec.predictor.model (ModelSpec: modelFormat.name, runtime, storageUri, protocolVersion).", "type": "object", "additionalProperties": false, "required": ["apiVersion", "kind", "metadata", "spec"], "properties": { "apiVersion": { "const": "serving.kserve.io/v1beta1" }, "kind": { "const": "InferenceService" }, "metadata": { "type": "object", "additionalProperties": false, "required": ["name", "namespace"], "properties": { "name": { "type": "string", "pattern": "^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$", "maxLength": 63 }, "namespace": { "type": "string", "pattern": "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$" }, "labels": { "type": "object", "additionalProperties": { "type": "string", "pattern": "^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$" } }, "annotations": { "type": "object", "properties": { "serving.kserve.io/deploymentMode": { "enum": ["Serverless", "RawDeployment", "ModelMesh"] } }, "additionalProperties": { "type": "string" } } } }, "spec": { "type": "object", "additionalProperties": false, "required": ["predictor"], "properties": { "predictor": { "type": "object", "additionalProperties": false, "required": ["model"], "properties": { "canaryTrafficPercent": { "type": "integer", "minimum": 0, "maximum": 100 }, "model": { "type": "object", "additionalProperties": false, "required": ["modelFormat", "storageUri"], "properties": { "modelFormat": { "type": "object", "additionalProperties": false, "required": ["name"], "properties": { "name": { "const": "onnx" }, "version": { "type": "string" } } }, "runtime": { "type": "string", "minLength": 1 }, "storageUri": { "type": "string", "pattern": "^(gs|s3|pvc|https?|hdfs|webhdfs|oci)://" }, "protocolVersion": { "enum": ["v1", "v2", "grpc-v1", "grpc-v2"] } } } } } } } } };
var func2 = import_ucs2length.default.default;
var pattern0 = new RegExp("^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$", "u");
var pattern1 = new RegExp("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", "u");
var pattern2 = new RegExp("^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$", "u");
var pattern3 = new RegExp("^(gs|s3|pvc|https?|hdfs|webhdfs|oci)://", "u");
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.apiVersion === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "apiVersion" }, message: "must have required property 'apiVersion'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.kind === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.metadata === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "metadata" }, message: "must have required property 'metadata'" };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.spec === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "spec" }, message: "must have required property 'spec'" };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "apiVersion" || key0 === "kind" || key0 === "metadata" || key0 === "spec")) {
        const err4 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.apiVersion !== void 0) {
      if ("serving.kserve.io/v1beta1" !== data.apiVersion) {
        const err5 = { instancePath: instancePath + "/apiVersion", schemaPath: "#/properties/apiVersion/const", keyword: "const", params: { allowedValue: "serving.kserve.io/v1beta1" }, message: "must be equal to constant" };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.kind !== void 0) {
      if ("InferenceService" !== data.kind) {
        const err6 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/const", keyword: "const", params: { allowedValue: "InferenceService" }, message: "must be equal to constant" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.metadata !== void 0) {
      let data2 = data.metadata;
      if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
        if (data2.name === void 0) {
          const err7 = { instancePath: instancePath + "/metadata", schemaPath: "#/properties/metadata/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'" };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
        if (data2.namespace === void 0) {
          const err8 = { instancePath: instancePath + "/metadata", schemaPath: "#/properties/metadata/required", keyword: "required", params: { missingProperty: "namespace" }, message: "must have required property 'namespace'" };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
        for (const key1 in data2) {
          if (!(key1 === "name" || key1 === "namespace" || key1 === "labels" || key1 === "annotations")) {
            const err9 = { instancePath: instancePath + "/metadata", schemaPath: "#/properties/metadata/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
        }
        if (data2.name !== void 0) {
          let data3 = data2.name;
          if (typeof data3 === "string") {
            if (func2(data3) > 63) {
              const err10 = { instancePath: instancePath + "/metadata/name", schemaPath: "#/properties/metadata/properties/name/maxLength", keyword: "maxLength", params: { limit: 63 }, message: "must NOT have more than 63 characters" };
              if (vErrors === null) {
                vErrors = [err10];
              } else {
                vErrors.push(err10);
              }
              errors++;
            }
            if (!pattern0.test(data3)) {
              const err11 = { instancePath: instancePath + "/metadata/name", schemaPath: "#/properties/metadata/properties/name/pattern", keyword: "pattern", params: { pattern: "^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$" }, message: 'must match pattern "^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$"' };
              if (vErrors === null) {
                vErrors = [err11];
              } else {
                vErrors.push(err11);
              }
              errors++;
            }
          } else {
            const err12 = { instancePath: instancePath + "/metadata/name", schemaPath: "#/properties/metadata/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err12];
            } else {
              vErrors.push(err12);
            }
            errors++;
          }
        }
        if (data2.namespace !== void 0) {
          let data4 = data2.namespace;
          if (typeof data4 === "string") {
            if (!pattern1.test(data4)) {
              const err13 = { instancePath: instancePath + "/metadata/namespace", schemaPath: "#/properties/metadata/properties/namespace/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"' };
              if (vErrors === null) {
                vErrors = [err13];
              } else {
                vErrors.push(err13);
              }
              errors++;
            }
          } else {
            const err14 = { instancePath: instancePath + "/metadata/namespace", schemaPath: "#/properties/metadata/properties/namespace/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err14];
            } else {
              vErrors.push(err14);
            }
            errors++;
          }
        }
        if (data2.labels !== void 0) {
          let data5 = data2.labels;
          if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
            for (const key2 in data5) {
              let data6 = data5[key2];
              if (typeof data6 === "string") {
                if (!pattern2.test(data6)) {
                  const err15 = { instancePath: instancePath + "/metadata/labels/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/metadata/properties/labels/additionalProperties/pattern", keyword: "pattern", params: { pattern: "^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$" }, message: 'must match pattern "^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$"' };
                  if (vErrors === null) {
                    vErrors = [err15];
                  } else {
                    vErrors.push(err15);
                  }
                  errors++;
                }
              } else {
                const err16 = { instancePath: instancePath + "/metadata/labels/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/metadata/properties/labels/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err16];
                } else {
                  vErrors.push(err16);
                }
                errors++;
              }
            }
          } else {
            const err17 = { instancePath: instancePath + "/metadata/labels", schemaPath: "#/properties/metadata/properties/labels/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err17];
            } else {
              vErrors.push(err17);
            }
            errors++;
          }
        }
        if (data2.annotations !== void 0) {
          let data7 = data2.annotations;
          if (data7 && typeof data7 == "object" && !Array.isArray(data7)) {
            for (const key3 in data7) {
              if (!(key3 === "serving.kserve.io/deploymentMode")) {
                if (typeof data7[key3] !== "string") {
                  const err18 = { instancePath: instancePath + "/metadata/annotations/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/metadata/properties/annotations/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                  if (vErrors === null) {
                    vErrors = [err18];
                  } else {
                    vErrors.push(err18);
                  }
                  errors++;
                }
              }
            }
            if (data7["serving.kserve.io/deploymentMode"] !== void 0) {
              let data9 = data7["serving.kserve.io/deploymentMode"];
              if (!(data9 === "Serverless" || data9 === "RawDeployment" || data9 === "ModelMesh")) {
                const err19 = { instancePath: instancePath + "/metadata/annotations/serving.kserve.io~1deploymentMode", schemaPath: "#/properties/metadata/properties/annotations/properties/serving.kserve.io~1deploymentMode/enum", keyword: "enum", params: { allowedValues: schema11.properties.metadata.properties.annotations.properties["serving.kserve.io/deploymentMode"].enum }, message: "must be equal to one of the allowed values" };
                if (vErrors === null) {
                  vErrors = [err19];
                } else {
                  vErrors.push(err19);
                }
                errors++;
              }
            }
          } else {
            const err20 = { instancePath: instancePath + "/metadata/annotations", schemaPath: "#/properties/metadata/properties/annotations/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err20];
            } else {
              vErrors.push(err20);
            }
            errors++;
          }
        }
      } else {
        const err21 = { instancePath: instancePath + "/metadata", schemaPath: "#/properties/metadata/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
    }
    if (data.spec !== void 0) {
      let data10 = data.spec;
      if (data10 && typeof data10 == "object" && !Array.isArray(data10)) {
        if (data10.predictor === void 0) {
          const err22 = { instancePath: instancePath + "/spec", schemaPath: "#/properties/spec/required", keyword: "required", params: { missingProperty: "predictor" }, message: "must have required property 'predictor'" };
          if (vErrors === null) {
            vErrors = [err22];
          } else {
            vErrors.push(err22);
          }
          errors++;
        }
        for (const key4 in data10) {
          if (!(key4 === "predictor")) {
            const err23 = { instancePath: instancePath + "/spec", schemaPath: "#/properties/spec/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err23];
            } else {
              vErrors.push(err23);
            }
            errors++;
          }
        }
        if (data10.predictor !== void 0) {
          let data11 = data10.predictor;
          if (data11 && typeof data11 == "object" && !Array.isArray(data11)) {
            if (data11.model === void 0) {
              const err24 = { instancePath: instancePath + "/spec/predictor", schemaPath: "#/properties/spec/properties/predictor/required", keyword: "required", params: { missingProperty: "model" }, message: "must have required property 'model'" };
              if (vErrors === null) {
                vErrors = [err24];
              } else {
                vErrors.push(err24);
              }
              errors++;
            }
            for (const key5 in data11) {
              if (!(key5 === "canaryTrafficPercent" || key5 === "model")) {
                const err25 = { instancePath: instancePath + "/spec/predictor", schemaPath: "#/properties/spec/properties/predictor/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err25];
                } else {
                  vErrors.push(err25);
                }
                errors++;
              }
            }
            if (data11.canaryTrafficPercent !== void 0) {
              let data12 = data11.canaryTrafficPercent;
              if (!(typeof data12 == "number" && (!(data12 % 1) && !isNaN(data12)))) {
                const err26 = { instancePath: instancePath + "/spec/predictor/canaryTrafficPercent", schemaPath: "#/properties/spec/properties/predictor/properties/canaryTrafficPercent/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                if (vErrors === null) {
                  vErrors = [err26];
                } else {
                  vErrors.push(err26);
                }
                errors++;
              }
              if (typeof data12 == "number") {
                if (data12 > 100 || isNaN(data12)) {
                  const err27 = { instancePath: instancePath + "/spec/predictor/canaryTrafficPercent", schemaPath: "#/properties/spec/properties/predictor/properties/canaryTrafficPercent/maximum", keyword: "maximum", params: { comparison: "<=", limit: 100 }, message: "must be <= 100" };
                  if (vErrors === null) {
                    vErrors = [err27];
                  } else {
                    vErrors.push(err27);
                  }
                  errors++;
                }
                if (data12 < 0 || isNaN(data12)) {
                  const err28 = { instancePath: instancePath + "/spec/predictor/canaryTrafficPercent", schemaPath: "#/properties/spec/properties/predictor/properties/canaryTrafficPercent/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                  if (vErrors === null) {
                    vErrors = [err28];
                  } else {
                    vErrors.push(err28);
                  }
                  errors++;
                }
              }
            }
            if (data11.model !== void 0) {
              let data13 = data11.model;
              if (data13 && typeof data13 == "object" && !Array.isArray(data13)) {
                if (data13.modelFormat === void 0) {
                  const err29 = { instancePath: instancePath + "/spec/predictor/model", schemaPath: "#/properties/spec/properties/predictor/properties/model/required", keyword: "required", params: { missingProperty: "modelFormat" }, message: "must have required property 'modelFormat'" };
                  if (vErrors === null) {
                    vErrors = [err29];
                  } else {
                    vErrors.push(err29);
                  }
                  errors++;
                }
                if (data13.storageUri === void 0) {
                  const err30 = { instancePath: instancePath + "/spec/predictor/model", schemaPath: "#/properties/spec/properties/predictor/properties/model/required", keyword: "required", params: { missingProperty: "storageUri" }, message: "must have required property 'storageUri'" };
                  if (vErrors === null) {
                    vErrors = [err30];
                  } else {
                    vErrors.push(err30);
                  }
                  errors++;
                }
                for (const key6 in data13) {
                  if (!(key6 === "modelFormat" || key6 === "runtime" || key6 === "storageUri" || key6 === "protocolVersion")) {
                    const err31 = { instancePath: instancePath + "/spec/predictor/model", schemaPath: "#/properties/spec/properties/predictor/properties/model/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                      vErrors = [err31];
                    } else {
                      vErrors.push(err31);
                    }
                    errors++;
                  }
                }
                if (data13.modelFormat !== void 0) {
                  let data14 = data13.modelFormat;
                  if (data14 && typeof data14 == "object" && !Array.isArray(data14)) {
                    if (data14.name === void 0) {
                      const err32 = { instancePath: instancePath + "/spec/predictor/model/modelFormat", schemaPath: "#/properties/spec/properties/predictor/properties/model/properties/modelFormat/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'" };
                      if (vErrors === null) {
                        vErrors = [err32];
                      } else {
                        vErrors.push(err32);
                      }
                      errors++;
                    }
                    for (const key7 in data14) {
                      if (!(key7 === "name" || key7 === "version")) {
                        const err33 = { instancePath: instancePath + "/spec/predictor/model/modelFormat", schemaPath: "#/properties/spec/properties/predictor/properties/model/properties/modelFormat/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key7 }, message: "must NOT have additional properties" };
                        if (vErrors === null) {
                          vErrors = [err33];
                        } else {
                          vErrors.push(err33);
                        }
                        errors++;
                      }
                    }
                    if (data14.name !== void 0) {
                      if ("onnx" !== data14.name) {
                        const err34 = { instancePath: instancePath + "/spec/predictor/model/modelFormat/name", schemaPath: "#/properties/spec/properties/predictor/properties/model/properties/modelFormat/properties/name/const", keyword: "const", params: { allowedValue: "onnx" }, message: "must be equal to constant" };
                        if (vErrors === null) {
                          vErrors = [err34];
                        } else {
                          vErrors.push(err34);
                        }
                        errors++;
                      }
                    }
                    if (data14.version !== void 0) {
                      if (typeof data14.version !== "string") {
                        const err35 = { instancePath: instancePath + "/spec/predictor/model/modelFormat/version", schemaPath: "#/properties/spec/properties/predictor/properties/model/properties/modelFormat/properties/version/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        if (vErrors === null) {
                          vErrors = [err35];
                        } else {
                          vErrors.push(err35);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err36 = { instancePath: instancePath + "/spec/predictor/model/modelFormat", schemaPath: "#/properties/spec/properties/predictor/properties/model/properties/modelFormat/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    if (vErrors === null) {
                      vErrors = [err36];
                    } else {
                      vErrors.push(err36);
                    }
                    errors++;
                  }
                }
                if (data13.runtime !== void 0) {
                  let data17 = data13.runtime;
                  if (typeof data17 === "string") {
                    if (func2(data17) < 1) {
                      const err37 = { instancePath: instancePath + "/spec/predictor/model/runtime", schemaPath: "#/properties/spec/properties/predictor/properties/model/properties/runtime/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                      if (vErrors === null) {
                        vErrors = [err37];
                      } else {
                        vErrors.push(err37);
                      }
                      errors++;
                    }
                  } else {
                    const err38 = { instancePath: instancePath + "/spec/predictor/model/runtime", schemaPath: "#/properties/spec/properties/predictor/properties/model/properties/runtime/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err38];
                    } else {
                      vErrors.push(err38);
                    }
                    errors++;
                  }
                }
                if (data13.storageUri !== void 0) {
                  let data18 = data13.storageUri;
                  if (typeof data18 === "string") {
                    if (!pattern3.test(data18)) {
                      const err39 = { instancePath: instancePath + "/spec/predictor/model/storageUri", schemaPath: "#/properties/spec/properties/predictor/properties/model/properties/storageUri/pattern", keyword: "pattern", params: { pattern: "^(gs|s3|pvc|https?|hdfs|webhdfs|oci)://" }, message: 'must match pattern "^(gs|s3|pvc|https?|hdfs|webhdfs|oci)://"' };
                      if (vErrors === null) {
                        vErrors = [err39];
                      } else {
                        vErrors.push(err39);
                      }
                      errors++;
                    }
                  } else {
                    const err40 = { instancePath: instancePath + "/spec/predictor/model/storageUri", schemaPath: "#/properties/spec/properties/predictor/properties/model/properties/storageUri/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err40];
                    } else {
                      vErrors.push(err40);
                    }
                    errors++;
                  }
                }
                if (data13.protocolVersion !== void 0) {
                  let data19 = data13.protocolVersion;
                  if (!(data19 === "v1" || data19 === "v2" || data19 === "grpc-v1" || data19 === "grpc-v2")) {
                    const err41 = { instancePath: instancePath + "/spec/predictor/model/protocolVersion", schemaPath: "#/properties/spec/properties/predictor/properties/model/properties/protocolVersion/enum", keyword: "enum", params: { allowedValues: schema11.properties.spec.properties.predictor.properties.model.properties.protocolVersion.enum }, message: "must be equal to one of the allowed values" };
                    if (vErrors === null) {
                      vErrors = [err41];
                    } else {
                      vErrors.push(err41);
                    }
                    errors++;
                  }
                }
              } else {
                const err42 = { instancePath: instancePath + "/spec/predictor/model", schemaPath: "#/properties/spec/properties/predictor/properties/model/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err42];
                } else {
                  vErrors.push(err42);
                }
                errors++;
              }
            }
          } else {
            const err43 = { instancePath: instancePath + "/spec/predictor", schemaPath: "#/properties/spec/properties/predictor/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err43];
            } else {
              vErrors.push(err43);
            }
            errors++;
          }
        }
      } else {
        const err44 = { instancePath: instancePath + "/spec", schemaPath: "#/properties/spec/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err44];
        } else {
          vErrors.push(err44);
        }
        errors++;
      }
    }
  } else {
    const err45 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err45];
    } else {
      vErrors.push(err45);
    }
    errors++;
  }
  validate10.errors = vErrors;
  return errors === 0;
}

// src/deploy/kserve.ts
var ONNXRUNTIME_ANNOTATION = "mlci.dev/onnxruntime-version";
var GITHUB_REGISTRY = "github";
function registryStorageUri(registrySpec, env = process.env) {
  if (registrySpec !== GITHUB_REGISTRY) {
    throw new InputError(
      `target kserve: the local registry ${registrySpec ?? ".mlci/registry"} has no URL a cluster can fetch the model from; register to GitHub (--registry github) or set --kserve-storage-uri (deploy.kserve.storage_uri) to where the model is, e.g. s3://models/{name}/v{version} or a modelcar image oci://ghcr.io/acme/models/{name}:v{version}`
    );
  }
  const [owner, repo, extra] = (env.GITHUB_REPOSITORY ?? "").split("/");
  if (!owner || !repo || extra !== void 0)
    throw new InputError(
      `target kserve with --registry github needs GITHUB_REPOSITORY=owner/repo for the release asset URL (got "${env.GITHUB_REPOSITORY ?? ""}")`
    );
  let server = env.GITHUB_SERVER_URL || "https://github.com";
  while (server.endsWith("/")) server = server.slice(0, -1);
  return `${server}/${owner}/${repo}/releases/download/{name}%40v{version}/${MODEL_ASSET}`;
}
var OCI_REFERENCE = /^oci:\/\/[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)+(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[0-9a-f]{64})?$/;
function renderInferenceService(options) {
  const name = options.service ?? options.model;
  if (!/^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/.test(name)) {
    throw new InputError(
      `"${name}" is not a valid InferenceService name (lower-case letters, digits and -, at most 63); set deploy.kserve.service`
    );
  }
  const storageUri = options.storageUri.replaceAll("{name}", options.model).replaceAll("{version}", String(options.version));
  if (storageUri.startsWith("oci://") && !OCI_REFERENCE.test(storageUri))
    throw new InputError(
      `storageUri "${storageUri}" is not an OCI reference such as oci://ghcr.io/acme/models/churn:v4 (lower-case repository, tag of letters, digits, ".", "_", "-")`
    );
  const model = {
    modelFormat: { name: "onnx" },
    protocolVersion: "v2",
    storageUri
  };
  if (options.runtime) model.runtime = options.runtime;
  const predictor = { model };
  if (options.canaryTrafficPercent !== void 0) {
    const p = options.canaryTrafficPercent;
    if (!Number.isInteger(p) || p < 0 || p > 100)
      throw new InputError(`canaryTrafficPercent must be 0..100, got ${p}`);
    predictor.canaryTrafficPercent = p;
  }
  return checkedInferenceService({
    apiVersion: "serving.kserve.io/v1beta1",
    kind: "InferenceService",
    metadata: {
      name,
      namespace: options.namespace ?? "default",
      labels: {
        "app.kubernetes.io/managed-by": "mlci",
        "mlci.dev/model": labelValue(options.model),
        "mlci.dev/version": `v${options.version}`
      },
      // Canary rollouts need KServe's serverless (Knative) mode.
      annotations: {
        "serving.kserve.io/deploymentMode": "Serverless",
        ...options.onnxruntime ? { [ONNXRUNTIME_ANNOTATION]: options.onnxruntime } : {}
      }
    },
    spec: { predictor }
  });
}
function checkedInferenceService(service) {
  const name = service.metadata.name;
  if (!inferenceservice_generated_default(service)) {
    const problems = (inferenceservice_generated_default.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? "is not valid"}`).join("; ");
    throw new InputError(
      `the InferenceService for ${name} does not match KServe's schema (deploy/kserve/inferenceservice.schema.json): ${problems}`
    );
  }
  return service;
}
function manifestYaml(service) {
  return (0, import_yaml.stringify)(service, { lineWidth: 0 });
}
var runCommand = (command, args, input) => new Promise((resolve, reject) => {
  const child = spawn(command, args, { stdio: ["pipe", "pipe", "pipe"] });
  const out = [];
  const err = [];
  child.stdout.on("data", (c) => out.push(c));
  child.stderr.on("data", (c) => err.push(c));
  child.on("error", (error) => reject(new InputError(`cannot run ${command}: ${error.message}`)));
  child.on("close", (code) => {
    if (code === 0) resolve(Buffer.concat(out).toString("utf8"));
    else
      reject(
        new CheckFailedError(
          `${command} ${args.join(" ")} failed (exit ${code}): ${Buffer.concat(err).toString("utf8").trim()}`
        )
      );
  });
  child.stdin.end(input ?? "");
});
var KServeTarget = class {
  constructor(model, stableVersion, options, run = runCommand) {
    this.model = model;
    this.stableVersion = stableVersion;
    this.options = options;
    this.run = run;
    const service = options.service ?? model;
    this.description = `KServe InferenceService ${options.namespace ?? "default"}/${service}`;
    this.inferUrl = options.url ? new URL(`/v2/models/${encodeURIComponent(service)}/infer`, options.url).toString() : "";
    this.window = new VariantStats(stableVersion, this.kind);
  }
  model;
  stableVersion;
  options;
  run;
  description;
  inferUrl;
  // Only the mixed traffic of a step is measured: stable before the rollout, under the same replay, is its reference.
  latencyAgainstBaseline = true;
  canary = null;
  window;
  kind = "probability";
  async state() {
    return {
      model: this.model,
      stable: { version: this.stableVersion, sha256: "" },
      canary: this.canary ? { version: this.canary.version, sha256: "", weight: this.canary.weight } : null,
      shadow: false,
      draining: false
    };
  }
  async setCanary(version, weight) {
    this.canary = { version, weight };
    if (weight > 0) await this.apply(version, weight, `canary-${weight}`);
  }
  async resetStats() {
    this.window = new VariantStats(
      this.canary && this.canary.weight > 0 ? this.canary.version : this.stableVersion,
      this.kind
    );
  }
  async stats() {
    const snapshot = this.window.snapshot();
    const empty = new VariantStats(this.stableVersion, this.kind).snapshot();
    const mixed = this.canary !== null && this.canary.weight > 0;
    return { since: "", stable: mixed ? empty : snapshot, canary: mixed ? snapshot : null, shadow: false };
  }
  async promote() {
    if (!this.canary) return;
    await this.apply(this.canary.version, void 0, "promote");
    this.canary = null;
  }
  async rollback() {
    await this.apply(this.stableVersion, void 0, "rollback");
    this.canary = null;
  }
  async features() {
    return null;
  }
  observe(result) {
    const ok = result.status >= 200 && result.status < 300;
    const score = ok ? scoreOf(result.body) : null;
    if (score) this.kind = score.kind;
    this.window.record(result.latencyMs, ok && score !== null, score ? [score.value] : void 0);
  }
  async apply(version, canaryTrafficPercent, step) {
    const manifest = renderInferenceService({
      model: this.model,
      version,
      storageUri: this.options.storageUri,
      namespace: this.options.namespace,
      service: this.options.service,
      runtime: this.options.runtime,
      onnxruntime: this.options.onnxruntime,
      canaryTrafficPercent
    });
    const yaml = manifestYaml(manifest);
    this.options.onManifest?.(yaml, step);
    if (this.options.dryRun) return;
    const kubectl = this.options.kubectl ?? "kubectl";
    const ns = ["--namespace", manifest.metadata.namespace];
    await this.run(kubectl, ["apply", ...ns, "-f", "-"], yaml);
    await this.run(kubectl, [
      "wait",
      ...ns,
      "--for=condition=Ready",
      `inferenceservice/${manifest.metadata.name}`,
      `--timeout=${this.options.readyTimeoutSeconds ?? 300}s`
    ]);
  }
};
function scoreOf(body) {
  try {
    const answer = JSON.parse(body);
    const outputs = answer.outputs ?? [];
    const probabilities = outputs.find((o) => o.name === "probabilities") ?? outputs.find((o) => o.shape?.length === 2 && o.shape[1] >= 2);
    if (probabilities) {
      const width = probabilities.shape[1];
      if (width === 2) return { kind: "probability", value: probabilities.data[1] };
      let best = 0;
      for (let c = 1; c < width; c++) if (probabilities.data[c] > probabilities.data[best]) best = c;
      return { kind: "class", value: best };
    }
    const first = outputs[0];
    return first && typeof first.data?.[0] === "number" ? { kind: "value", value: first.data[0] } : null;
  } catch {
    return null;
  }
}
function labelValue(text) {
  return text.replace(/[^A-Za-z0-9._-]/g, "-").slice(0, 63);
}
function rolloutManifests(model, version, kserve, steps, stableVersion) {
  const manifests = {};
  for (const weight of steps) {
    manifests[`canary-${weight}.yaml`] = manifestYaml(
      renderInferenceService({ model, version, ...kserve, canaryTrafficPercent: weight })
    );
  }
  manifests["promote.yaml"] = manifestYaml(renderInferenceService({ model, version, ...kserve }));
  if (stableVersion !== null)
    manifests["rollback.yaml"] = manifestYaml(
      renderInferenceService({ model, version: stableVersion, ...kserve })
    );
  return manifests;
}

export {
  ONNXRUNTIME_ANNOTATION,
  registryStorageUri,
  renderInferenceService,
  manifestYaml,
  KServeTarget,
  rolloutManifests
};
