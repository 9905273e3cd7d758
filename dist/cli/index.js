#!/usr/bin/env node
import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  readJsonInput,
  readValidationFiles
} from "../chunks/chunk-TDTHHRCO.js";
import {
  MAX_DOMAIN,
  MIN_DOMAIN_COUNT
} from "../chunks/chunk-WWMGPTOC.js";
import {
  STAGES,
  plannedStages
} from "../chunks/chunk-GUCFNMC4.js";
import "../chunks/chunk-DXV7262R.js";
import {
  buildRegisterRequest
} from "../chunks/chunk-QRDESQ64.js";
import {
  currentUser
} from "../chunks/chunk-7VZC23W7.js";
import "../chunks/chunk-ANVENSJ6.js";
import "../chunks/chunk-5Z5STRRD.js";
import {
  PRODUCTION_ALIAS
} from "../chunks/chunk-IG76SEAK.js";
import {
  MLCI_VERSION
} from "../chunks/chunk-3U3CFE5T.js";
import {
  DEFAULT_CANARY_STEPS,
  DEFAULT_DRIFT_SHARE
} from "../chunks/chunk-6UZB7YRZ.js";
import {
  exitWhenIdle
} from "../chunks/chunk-5QWN2HOG.js";
import {
  silentProgress,
  streamProgress
} from "../chunks/chunk-HD4PHYYH.js";
import {
  DEFAULT_CONFIG_FILES,
  configFileOr,
  existingDefaultConfigs,
  loadConfig,
  loadOptionalConfig,
  parseConfig
} from "../chunks/chunk-RF2U6RXN.js";
import "../chunks/chunk-ALJEQPYT.js";
import {
  parseDelimiter,
  parseFormat,
  parseInteger,
  parseProbability,
  parseTask
} from "../chunks/chunk-YP4LPTRV.js";
import "../chunks/chunk-NVKBQ6B4.js";
import "../chunks/chunk-USV7Y6Q5.js";
import {
  durationMs
} from "../chunks/chunk-5FF76VVQ.js";
import "../chunks/chunk-J2XJ3L6O.js";
import "../chunks/chunk-4N7NCSDY.js";
import "../chunks/chunk-U7QWIZPG.js";
import "../chunks/chunk-RDRUDDB3.js";
import "../chunks/chunk-KFMS7UDB.js";
import {
  checkOutputDir,
  checkOutputFile,
  writeFileAtomic
} from "../chunks/chunk-A7ELOP3Y.js";
import {
  CheckFailedError,
  ExitCode,
  InputError,
  MlciError,
  describeError
} from "../chunks/chunk-HRKM2MUG.js";
import {
  __commonJS,
  __require,
  __toESM
} from "../chunks/chunk-3CG65SHH.js";

// node_modules/commander/lib/error.js
var require_error = __commonJS({
  "node_modules/commander/lib/error.js"(exports) {
    var CommanderError2 = class extends Error {
      /**
       * Constructs the CommanderError class
       * @param {number} exitCode suggested exit code which could be used with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       */
      constructor(exitCode, code, message) {
        super(message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
        this.code = code;
        this.exitCode = exitCode;
        this.nestedError = void 0;
      }
    };
    var InvalidArgumentError2 = class extends CommanderError2 {
      /**
       * Constructs the InvalidArgumentError class
       * @param {string} [message] explanation of why argument is invalid
       */
      constructor(message) {
        super(1, "commander.invalidArgument", message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
      }
    };
    exports.CommanderError = CommanderError2;
    exports.InvalidArgumentError = InvalidArgumentError2;
  }
});

// node_modules/commander/lib/argument.js
var require_argument = __commonJS({
  "node_modules/commander/lib/argument.js"(exports) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Argument2 = class {
      /**
       * Initialize a new command argument with the given name and description.
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @param {string} name
       * @param {string} [description]
       */
      constructor(name, description) {
        this.description = description || "";
        this.variadic = false;
        this.parseArg = void 0;
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.argChoices = void 0;
        switch (name[0]) {
          case "<":
            this.required = true;
            this._name = name.slice(1, -1);
            break;
          case "[":
            this.required = false;
            this._name = name.slice(1, -1);
            break;
          default:
            this.required = true;
            this._name = name;
            break;
        }
        if (this._name.endsWith("...")) {
          this.variadic = true;
          this._name = this._name.slice(0, -3);
        }
      }
      /**
       * Return argument name.
       *
       * @return {string}
       */
      name() {
        return this._name;
      }
      /**
       * @package
       */
      _collectValue(value, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value];
        }
        previous.push(value);
        return previous;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Argument}
       */
      default(value, description) {
        this.defaultValue = value;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Set the custom handler for processing CLI command arguments into argument values.
       *
       * @param {Function} [fn]
       * @return {Argument}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Only allow argument value to be one of choices.
       *
       * @param {string[]} values
       * @return {Argument}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Make argument required.
       *
       * @returns {Argument}
       */
      argRequired() {
        this.required = true;
        return this;
      }
      /**
       * Make argument optional.
       *
       * @returns {Argument}
       */
      argOptional() {
        this.required = false;
        return this;
      }
    };
    function humanReadableArgName(arg) {
      const nameOutput = arg.name() + (arg.variadic === true ? "..." : "");
      return arg.required ? "<" + nameOutput + ">" : "[" + nameOutput + "]";
    }
    exports.Argument = Argument2;
    exports.humanReadableArgName = humanReadableArgName;
  }
});

// node_modules/commander/lib/help.js
var require_help = __commonJS({
  "node_modules/commander/lib/help.js"(exports) {
    var { humanReadableArgName } = require_argument();
    var Help2 = class {
      constructor() {
        this.helpWidth = void 0;
        this.minWidthToWrap = 40;
        this.sortSubcommands = false;
        this.sortOptions = false;
        this.showGlobalOptions = false;
      }
      /**
       * prepareContext is called by Commander after applying overrides from `Command.configureHelp()`
       * and just before calling `formatHelp()`.
       *
       * Commander just uses the helpWidth and the rest is provided for optional use by more complex subclasses.
       *
       * @param {{ error?: boolean, helpWidth?: number, outputHasColors?: boolean }} contextOptions
       */
      prepareContext(contextOptions) {
        this.helpWidth = this.helpWidth ?? contextOptions.helpWidth ?? 80;
      }
      /**
       * Get an array of the visible subcommands. Includes a placeholder for the implicit help command, if there is one.
       *
       * @param {Command} cmd
       * @returns {Command[]}
       */
      visibleCommands(cmd) {
        const visibleCommands = cmd.commands.filter((cmd2) => !cmd2._hidden);
        const helpCommand = cmd._getHelpCommand();
        if (helpCommand && !helpCommand._hidden) {
          visibleCommands.push(helpCommand);
        }
        if (this.sortSubcommands) {
          visibleCommands.sort((a, b) => {
            return a.name().localeCompare(b.name());
          });
        }
        return visibleCommands;
      }
      /**
       * Compare options for sort.
       *
       * @param {Option} a
       * @param {Option} b
       * @returns {number}
       */
      compareOptions(a, b) {
        const getSortKey = (option) => {
          return option.short ? option.short.replace(/^-/, "") : option.long.replace(/^--/, "");
        };
        return getSortKey(a).localeCompare(getSortKey(b));
      }
      /**
       * Get an array of the visible options. Includes a placeholder for the implicit help option, if there is one.
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleOptions(cmd) {
        const visibleOptions = cmd.options.filter((option) => !option.hidden);
        const helpOption = cmd._getHelpOption();
        if (helpOption && !helpOption.hidden) {
          const removeShort = helpOption.short && cmd._findOption(helpOption.short);
          const removeLong = helpOption.long && cmd._findOption(helpOption.long);
          if (!removeShort && !removeLong) {
            visibleOptions.push(helpOption);
          } else if (helpOption.long && !removeLong) {
            visibleOptions.push(
              cmd.createOption(helpOption.long, helpOption.description)
            );
          } else if (helpOption.short && !removeShort) {
            visibleOptions.push(
              cmd.createOption(helpOption.short, helpOption.description)
            );
          }
        }
        if (this.sortOptions) {
          visibleOptions.sort(this.compareOptions);
        }
        return visibleOptions;
      }
      /**
       * Get an array of the visible global options. (Not including help.)
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleGlobalOptions(cmd) {
        if (!this.showGlobalOptions) return [];
        const globalOptions = [];
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          const visibleOptions = ancestorCmd.options.filter(
            (option) => !option.hidden
          );
          globalOptions.push(...visibleOptions);
        }
        if (this.sortOptions) {
          globalOptions.sort(this.compareOptions);
        }
        return globalOptions;
      }
      /**
       * Get an array of the arguments if any have a description.
       *
       * @param {Command} cmd
       * @returns {Argument[]}
       */
      visibleArguments(cmd) {
        if (cmd._argsDescription) {
          cmd.registeredArguments.forEach((argument) => {
            argument.description = argument.description || cmd._argsDescription[argument.name()] || "";
          });
        }
        if (cmd.registeredArguments.find((argument) => argument.description)) {
          return cmd.registeredArguments;
        }
        return [];
      }
      /**
       * Get the command term to show in the list of subcommands.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandTerm(cmd) {
        const args = cmd.registeredArguments.map((arg) => humanReadableArgName(arg)).join(" ");
        return cmd._name + (cmd._aliases[0] ? "|" + cmd._aliases[0] : "") + (cmd.options.length ? " [options]" : "") + // simplistic check for non-help option
        (args ? " " + args : "");
      }
      /**
       * Get the option term to show in the list of options.
       *
       * @param {Option} option
       * @returns {string}
       */
      optionTerm(option) {
        return option.flags;
      }
      /**
       * Get the argument term to show in the list of arguments.
       *
       * @param {Argument} argument
       * @returns {string}
       */
      argumentTerm(argument) {
        return argument.name();
      }
      /**
       * Get the longest command term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestSubcommandTermLength(cmd, helper) {
        return helper.visibleCommands(cmd).reduce((max, command) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleSubcommandTerm(helper.subcommandTerm(command))
            )
          );
        }, 0);
      }
      /**
       * Get the longest option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestOptionTermLength(cmd, helper) {
        return helper.visibleOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest global option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestGlobalOptionTermLength(cmd, helper) {
        return helper.visibleGlobalOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest argument term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestArgumentTermLength(cmd, helper) {
        return helper.visibleArguments(cmd).reduce((max, argument) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleArgumentTerm(helper.argumentTerm(argument))
            )
          );
        }, 0);
      }
      /**
       * Get the command usage to be displayed at the top of the built-in help.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandUsage(cmd) {
        let cmdName = cmd._name;
        if (cmd._aliases[0]) {
          cmdName = cmdName + "|" + cmd._aliases[0];
        }
        let ancestorCmdNames = "";
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          ancestorCmdNames = ancestorCmd.name() + " " + ancestorCmdNames;
        }
        return ancestorCmdNames + cmdName + " " + cmd.usage();
      }
      /**
       * Get the description for the command.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandDescription(cmd) {
        return cmd.description();
      }
      /**
       * Get the subcommand summary to show in the list of subcommands.
       * (Fallback to description for backwards compatibility.)
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandDescription(cmd) {
        return cmd.summary() || cmd.description();
      }
      /**
       * Get the option description to show in the list of options.
       *
       * @param {Option} option
       * @return {string}
       */
      optionDescription(option) {
        const extraInfo = [];
        if (option.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${option.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (option.defaultValue !== void 0) {
          const showDefault = option.required || option.optional || option.isBoolean() && typeof option.defaultValue === "boolean";
          if (showDefault) {
            extraInfo.push(
              `default: ${option.defaultValueDescription || JSON.stringify(option.defaultValue)}`
            );
          }
        }
        if (option.presetArg !== void 0 && option.optional) {
          extraInfo.push(`preset: ${JSON.stringify(option.presetArg)}`);
        }
        if (option.envVar !== void 0) {
          extraInfo.push(`env: ${option.envVar}`);
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (option.description) {
            return `${option.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return option.description;
      }
      /**
       * Get the argument description to show in the list of arguments.
       *
       * @param {Argument} argument
       * @return {string}
       */
      argumentDescription(argument) {
        const extraInfo = [];
        if (argument.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${argument.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (argument.defaultValue !== void 0) {
          extraInfo.push(
            `default: ${argument.defaultValueDescription || JSON.stringify(argument.defaultValue)}`
          );
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (argument.description) {
            return `${argument.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return argument.description;
      }
      /**
       * Format a list of items, given a heading and an array of formatted items.
       *
       * @param {string} heading
       * @param {string[]} items
       * @param {Help} helper
       * @returns string[]
       */
      formatItemList(heading, items, helper) {
        if (items.length === 0) return [];
        return [helper.styleTitle(heading), ...items, ""];
      }
      /**
       * Group items by their help group heading.
       *
       * @param {Command[] | Option[]} unsortedItems
       * @param {Command[] | Option[]} visibleItems
       * @param {Function} getGroup
       * @returns {Map<string, Command[] | Option[]>}
       */
      groupItems(unsortedItems, visibleItems, getGroup) {
        const result = /* @__PURE__ */ new Map();
        unsortedItems.forEach((item) => {
          const group = getGroup(item);
          if (!result.has(group)) result.set(group, []);
        });
        visibleItems.forEach((item) => {
          const group = getGroup(item);
          if (!result.has(group)) {
            result.set(group, []);
          }
          result.get(group).push(item);
        });
        return result;
      }
      /**
       * Generate the built-in help text.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {string}
       */
      formatHelp(cmd, helper) {
        const termWidth = helper.padWidth(cmd, helper);
        const helpWidth = helper.helpWidth ?? 80;
        function callFormatItem(term, description) {
          return helper.formatItem(term, termWidth, description, helper);
        }
        let output = [
          `${helper.styleTitle("Usage:")} ${helper.styleUsage(helper.commandUsage(cmd))}`,
          ""
        ];
        const commandDescription = helper.commandDescription(cmd);
        if (commandDescription.length > 0) {
          output = output.concat([
            helper.boxWrap(
              helper.styleCommandDescription(commandDescription),
              helpWidth
            ),
            ""
          ]);
        }
        const argumentList = helper.visibleArguments(cmd).map((argument) => {
          return callFormatItem(
            helper.styleArgumentTerm(helper.argumentTerm(argument)),
            helper.styleArgumentDescription(helper.argumentDescription(argument))
          );
        });
        output = output.concat(
          this.formatItemList("Arguments:", argumentList, helper)
        );
        const optionGroups = this.groupItems(
          cmd.options,
          helper.visibleOptions(cmd),
          (option) => option.helpGroupHeading ?? "Options:"
        );
        optionGroups.forEach((options, group) => {
          const optionList = options.map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output = output.concat(this.formatItemList(group, optionList, helper));
        });
        if (helper.showGlobalOptions) {
          const globalOptionList = helper.visibleGlobalOptions(cmd).map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output = output.concat(
            this.formatItemList("Global Options:", globalOptionList, helper)
          );
        }
        const commandGroups = this.groupItems(
          cmd.commands,
          helper.visibleCommands(cmd),
          (sub) => sub.helpGroup() || "Commands:"
        );
        commandGroups.forEach((commands, group) => {
          const commandList = commands.map((sub) => {
            return callFormatItem(
              helper.styleSubcommandTerm(helper.subcommandTerm(sub)),
              helper.styleSubcommandDescription(helper.subcommandDescription(sub))
            );
          });
          output = output.concat(this.formatItemList(group, commandList, helper));
        });
        return output.join("\n");
      }
      /**
       * Return display width of string, ignoring ANSI escape sequences. Used in padding and wrapping calculations.
       *
       * @param {string} str
       * @returns {number}
       */
      displayWidth(str) {
        return stripColor(str).length;
      }
      /**
       * Style the title for displaying in the help. Called with 'Usage:', 'Options:', etc.
       *
       * @param {string} str
       * @returns {string}
       */
      styleTitle(str) {
        return str;
      }
      styleUsage(str) {
        return str.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word === "[command]") return this.styleSubcommandText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleCommandText(word);
        }).join(" ");
      }
      styleCommandDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleOptionDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleSubcommandDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleArgumentDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleDescriptionText(str) {
        return str;
      }
      styleOptionTerm(str) {
        return this.styleOptionText(str);
      }
      styleSubcommandTerm(str) {
        return str.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleSubcommandText(word);
        }).join(" ");
      }
      styleArgumentTerm(str) {
        return this.styleArgumentText(str);
      }
      styleOptionText(str) {
        return str;
      }
      styleArgumentText(str) {
        return str;
      }
      styleSubcommandText(str) {
        return str;
      }
      styleCommandText(str) {
        return str;
      }
      /**
       * Calculate the pad width from the maximum term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      padWidth(cmd, helper) {
        return Math.max(
          helper.longestOptionTermLength(cmd, helper),
          helper.longestGlobalOptionTermLength(cmd, helper),
          helper.longestSubcommandTermLength(cmd, helper),
          helper.longestArgumentTermLength(cmd, helper)
        );
      }
      /**
       * Detect manually wrapped and indented strings by checking for line break followed by whitespace.
       *
       * @param {string} str
       * @returns {boolean}
       */
      preformatted(str) {
        return /\n[^\S\r\n]/.test(str);
      }
      /**
       * Format the "item", which consists of a term and description. Pad the term and wrap the description, indenting the following lines.
       *
       * So "TTT", 5, "DDD DDDD DD DDD" might be formatted for this.helpWidth=17 like so:
       *   TTT  DDD DDDD
       *        DD DDD
       *
       * @param {string} term
       * @param {number} termWidth
       * @param {string} description
       * @param {Help} helper
       * @returns {string}
       */
      formatItem(term, termWidth, description, helper) {
        const itemIndent = 2;
        const itemIndentStr = " ".repeat(itemIndent);
        if (!description) return itemIndentStr + term;
        const paddedTerm = term.padEnd(
          termWidth + term.length - helper.displayWidth(term)
        );
        const spacerWidth = 2;
        const helpWidth = this.helpWidth ?? 80;
        const remainingWidth = helpWidth - termWidth - spacerWidth - itemIndent;
        let formattedDescription;
        if (remainingWidth < this.minWidthToWrap || helper.preformatted(description)) {
          formattedDescription = description;
        } else {
          const wrappedDescription = helper.boxWrap(description, remainingWidth);
          formattedDescription = wrappedDescription.replace(
            /\n/g,
            "\n" + " ".repeat(termWidth + spacerWidth)
          );
        }
        return itemIndentStr + paddedTerm + " ".repeat(spacerWidth) + formattedDescription.replace(/\n/g, `
${itemIndentStr}`);
      }
      /**
       * Wrap a string at whitespace, preserving existing line breaks.
       * Wrapping is skipped if the width is less than `minWidthToWrap`.
       *
       * @param {string} str
       * @param {number} width
       * @returns {string}
       */
      boxWrap(str, width) {
        if (width < this.minWidthToWrap) return str;
        const rawLines = str.split(/\r\n|\n/);
        const chunkPattern = /[\s]*[^\s]+/g;
        const wrappedLines = [];
        rawLines.forEach((line) => {
          const chunks = line.match(chunkPattern);
          if (chunks === null) {
            wrappedLines.push("");
            return;
          }
          let sumChunks = [chunks.shift()];
          let sumWidth = this.displayWidth(sumChunks[0]);
          chunks.forEach((chunk) => {
            const visibleWidth = this.displayWidth(chunk);
            if (sumWidth + visibleWidth <= width) {
              sumChunks.push(chunk);
              sumWidth += visibleWidth;
              return;
            }
            wrappedLines.push(sumChunks.join(""));
            const nextChunk = chunk.trimStart();
            sumChunks = [nextChunk];
            sumWidth = this.displayWidth(nextChunk);
          });
          wrappedLines.push(sumChunks.join(""));
        });
        return wrappedLines.join("\n");
      }
    };
    function stripColor(str) {
      const sgrPattern = /\x1b\[\d*(;\d*)*m/g;
      return str.replace(sgrPattern, "");
    }
    exports.Help = Help2;
    exports.stripColor = stripColor;
  }
});

// node_modules/commander/lib/option.js
var require_option = __commonJS({
  "node_modules/commander/lib/option.js"(exports) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Option2 = class {
      /**
       * Initialize a new `Option` with the given `flags` and `description`.
       *
       * @param {string} flags
       * @param {string} [description]
       */
      constructor(flags, description) {
        this.flags = flags;
        this.description = description || "";
        this.required = flags.includes("<");
        this.optional = flags.includes("[");
        this.variadic = /\w\.\.\.[>\]]$/.test(flags);
        this.mandatory = false;
        const optionFlags = splitOptionFlags(flags);
        this.short = optionFlags.shortFlag;
        this.long = optionFlags.longFlag;
        this.negate = false;
        if (this.long) {
          this.negate = this.long.startsWith("--no-");
        }
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.presetArg = void 0;
        this.envVar = void 0;
        this.parseArg = void 0;
        this.hidden = false;
        this.argChoices = void 0;
        this.conflictsWith = [];
        this.implied = void 0;
        this.helpGroupHeading = void 0;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Option}
       */
      default(value, description) {
        this.defaultValue = value;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Preset to use when option used without option-argument, especially optional but also boolean and negated.
       * The custom processing (parseArg) is called.
       *
       * @example
       * new Option('--color').default('GREYSCALE').preset('RGB');
       * new Option('--donate [amount]').preset('20').argParser(parseFloat);
       *
       * @param {*} arg
       * @return {Option}
       */
      preset(arg) {
        this.presetArg = arg;
        return this;
      }
      /**
       * Add option name(s) that conflict with this option.
       * An error will be displayed if conflicting options are found during parsing.
       *
       * @example
       * new Option('--rgb').conflicts('cmyk');
       * new Option('--js').conflicts(['ts', 'jsx']);
       *
       * @param {(string | string[])} names
       * @return {Option}
       */
      conflicts(names) {
        this.conflictsWith = this.conflictsWith.concat(names);
        return this;
      }
      /**
       * Specify implied option values for when this option is set and the implied options are not.
       *
       * The custom processing (parseArg) is not called on the implied values.
       *
       * @example
       * program
       *   .addOption(new Option('--log', 'write logging information to file'))
       *   .addOption(new Option('--trace', 'log extra details').implies({ log: 'trace.txt' }));
       *
       * @param {object} impliedOptionValues
       * @return {Option}
       */
      implies(impliedOptionValues) {
        let newImplied = impliedOptionValues;
        if (typeof impliedOptionValues === "string") {
          newImplied = { [impliedOptionValues]: true };
        }
        this.implied = Object.assign(this.implied || {}, newImplied);
        return this;
      }
      /**
       * Set environment variable to check for option value.
       *
       * An environment variable is only used if when processed the current option value is
       * undefined, or the source of the current value is 'default' or 'config' or 'env'.
       *
       * @param {string} name
       * @return {Option}
       */
      env(name) {
        this.envVar = name;
        return this;
      }
      /**
       * Set the custom handler for processing CLI option arguments into option values.
       *
       * @param {Function} [fn]
       * @return {Option}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Whether the option is mandatory and must have a value after parsing.
       *
       * @param {boolean} [mandatory=true]
       * @return {Option}
       */
      makeOptionMandatory(mandatory = true) {
        this.mandatory = !!mandatory;
        return this;
      }
      /**
       * Hide option in help.
       *
       * @param {boolean} [hide=true]
       * @return {Option}
       */
      hideHelp(hide = true) {
        this.hidden = !!hide;
        return this;
      }
      /**
       * @package
       */
      _collectValue(value, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value];
        }
        previous.push(value);
        return previous;
      }
      /**
       * Only allow option value to be one of choices.
       *
       * @param {string[]} values
       * @return {Option}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Return option name.
       *
       * @return {string}
       */
      name() {
        if (this.long) {
          return this.long.replace(/^--/, "");
        }
        return this.short.replace(/^-/, "");
      }
      /**
       * Return option name, in a camelcase format that can be used
       * as an object attribute key.
       *
       * @return {string}
       */
      attributeName() {
        if (this.negate) {
          return camelcase(this.name().replace(/^no-/, ""));
        }
        return camelcase(this.name());
      }
      /**
       * Set the help group heading.
       *
       * @param {string} heading
       * @return {Option}
       */
      helpGroup(heading) {
        this.helpGroupHeading = heading;
        return this;
      }
      /**
       * Check if `arg` matches the short or long flag.
       *
       * @param {string} arg
       * @return {boolean}
       * @package
       */
      is(arg) {
        return this.short === arg || this.long === arg;
      }
      /**
       * Return whether a boolean option.
       *
       * Options are one of boolean, negated, required argument, or optional argument.
       *
       * @return {boolean}
       * @package
       */
      isBoolean() {
        return !this.required && !this.optional && !this.negate;
      }
    };
    var DualOptions = class {
      /**
       * @param {Option[]} options
       */
      constructor(options) {
        this.positiveOptions = /* @__PURE__ */ new Map();
        this.negativeOptions = /* @__PURE__ */ new Map();
        this.dualOptions = /* @__PURE__ */ new Set();
        options.forEach((option) => {
          if (option.negate) {
            this.negativeOptions.set(option.attributeName(), option);
          } else {
            this.positiveOptions.set(option.attributeName(), option);
          }
        });
        this.negativeOptions.forEach((value, key) => {
          if (this.positiveOptions.has(key)) {
            this.dualOptions.add(key);
          }
        });
      }
      /**
       * Did the value come from the option, and not from possible matching dual option?
       *
       * @param {*} value
       * @param {Option} option
       * @returns {boolean}
       */
      valueFromOption(value, option) {
        const optionKey = option.attributeName();
        if (!this.dualOptions.has(optionKey)) return true;
        const preset = this.negativeOptions.get(optionKey).presetArg;
        const negativeValue = preset !== void 0 ? preset : false;
        return option.negate === (negativeValue === value);
      }
    };
    function camelcase(str) {
      return str.split("-").reduce((str2, word) => {
        return str2 + word[0].toUpperCase() + word.slice(1);
      });
    }
    function splitOptionFlags(flags) {
      let shortFlag;
      let longFlag;
      const shortFlagExp = /^-[^-]$/;
      const longFlagExp = /^--[^-]/;
      const flagParts = flags.split(/[ |,]+/).concat("guard");
      if (shortFlagExp.test(flagParts[0])) shortFlag = flagParts.shift();
      if (longFlagExp.test(flagParts[0])) longFlag = flagParts.shift();
      if (!shortFlag && shortFlagExp.test(flagParts[0]))
        shortFlag = flagParts.shift();
      if (!shortFlag && longFlagExp.test(flagParts[0])) {
        shortFlag = longFlag;
        longFlag = flagParts.shift();
      }
      if (flagParts[0].startsWith("-")) {
        const unsupportedFlag = flagParts[0];
        const baseError = `option creation failed due to '${unsupportedFlag}' in option flags '${flags}'`;
        if (/^-[^-][^-]/.test(unsupportedFlag))
          throw new Error(
            `${baseError}
- a short flag is a single dash and a single character
  - either use a single dash and a single character (for a short flag)
  - or use a double dash for a long option (and can have two, like '--ws, --workspace')`
          );
        if (shortFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many short flags`);
        if (longFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many long flags`);
        throw new Error(`${baseError}
- unrecognised flag format`);
      }
      if (shortFlag === void 0 && longFlag === void 0)
        throw new Error(
          `option creation failed due to no flags found in '${flags}'.`
        );
      return { shortFlag, longFlag };
    }
    exports.Option = Option2;
    exports.DualOptions = DualOptions;
  }
});

// node_modules/commander/lib/suggestSimilar.js
var require_suggestSimilar = __commonJS({
  "node_modules/commander/lib/suggestSimilar.js"(exports) {
    var maxDistance = 3;
    function editDistance(a, b) {
      if (Math.abs(a.length - b.length) > maxDistance)
        return Math.max(a.length, b.length);
      const d = [];
      for (let i = 0; i <= a.length; i++) {
        d[i] = [i];
      }
      for (let j = 0; j <= b.length; j++) {
        d[0][j] = j;
      }
      for (let j = 1; j <= b.length; j++) {
        for (let i = 1; i <= a.length; i++) {
          let cost = 1;
          if (a[i - 1] === b[j - 1]) {
            cost = 0;
          } else {
            cost = 1;
          }
          d[i][j] = Math.min(
            d[i - 1][j] + 1,
            // deletion
            d[i][j - 1] + 1,
            // insertion
            d[i - 1][j - 1] + cost
            // substitution
          );
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
            d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
          }
        }
      }
      return d[a.length][b.length];
    }
    function suggestSimilar(word, candidates) {
      if (!candidates || candidates.length === 0) return "";
      candidates = Array.from(new Set(candidates));
      const searchingOptions = word.startsWith("--");
      if (searchingOptions) {
        word = word.slice(2);
        candidates = candidates.map((candidate) => candidate.slice(2));
      }
      let similar = [];
      let bestDistance = maxDistance;
      const minSimilarity = 0.4;
      candidates.forEach((candidate) => {
        if (candidate.length <= 1) return;
        const distance = editDistance(word, candidate);
        const length = Math.max(word.length, candidate.length);
        const similarity = (length - distance) / length;
        if (similarity > minSimilarity) {
          if (distance < bestDistance) {
            bestDistance = distance;
            similar = [candidate];
          } else if (distance === bestDistance) {
            similar.push(candidate);
          }
        }
      });
      similar.sort((a, b) => a.localeCompare(b));
      if (searchingOptions) {
        similar = similar.map((candidate) => `--${candidate}`);
      }
      if (similar.length > 1) {
        return `
(Did you mean one of ${similar.join(", ")}?)`;
      }
      if (similar.length === 1) {
        return `
(Did you mean ${similar[0]}?)`;
      }
      return "";
    }
    exports.suggestSimilar = suggestSimilar;
  }
});

// node_modules/commander/lib/command.js
var require_command = __commonJS({
  "node_modules/commander/lib/command.js"(exports) {
    var EventEmitter = __require("node:events").EventEmitter;
    var childProcess = __require("node:child_process");
    var path = __require("node:path");
    var fs = __require("node:fs");
    var process2 = __require("node:process");
    var { Argument: Argument2, humanReadableArgName } = require_argument();
    var { CommanderError: CommanderError2 } = require_error();
    var { Help: Help2, stripColor } = require_help();
    var { Option: Option2, DualOptions } = require_option();
    var { suggestSimilar } = require_suggestSimilar();
    var Command3 = class _Command extends EventEmitter {
      /**
       * Initialize a new `Command`.
       *
       * @param {string} [name]
       */
      constructor(name) {
        super();
        this.commands = [];
        this.options = [];
        this.parent = null;
        this._allowUnknownOption = false;
        this._allowExcessArguments = false;
        this.registeredArguments = [];
        this._args = this.registeredArguments;
        this.args = [];
        this.rawArgs = [];
        this.processedArgs = [];
        this._scriptPath = null;
        this._name = name || "";
        this._optionValues = {};
        this._optionValueSources = {};
        this._storeOptionsAsProperties = false;
        this._actionHandler = null;
        this._executableHandler = false;
        this._executableFile = null;
        this._executableDir = null;
        this._defaultCommandName = null;
        this._exitCallback = null;
        this._aliases = [];
        this._combineFlagAndOptionalValue = true;
        this._description = "";
        this._summary = "";
        this._argsDescription = void 0;
        this._enablePositionalOptions = false;
        this._passThroughOptions = false;
        this._lifeCycleHooks = {};
        this._showHelpAfterError = false;
        this._showSuggestionAfterError = true;
        this._savedState = null;
        this._outputConfiguration = {
          writeOut: (str) => process2.stdout.write(str),
          writeErr: (str) => process2.stderr.write(str),
          outputError: (str, write) => write(str),
          getOutHelpWidth: () => process2.stdout.isTTY ? process2.stdout.columns : void 0,
          getErrHelpWidth: () => process2.stderr.isTTY ? process2.stderr.columns : void 0,
          getOutHasColors: () => useColor() ?? (process2.stdout.isTTY && process2.stdout.hasColors?.()),
          getErrHasColors: () => useColor() ?? (process2.stderr.isTTY && process2.stderr.hasColors?.()),
          stripColor: (str) => stripColor(str)
        };
        this._hidden = false;
        this._helpOption = void 0;
        this._addImplicitHelpCommand = void 0;
        this._helpCommand = void 0;
        this._helpConfiguration = {};
        this._helpGroupHeading = void 0;
        this._defaultCommandGroup = void 0;
        this._defaultOptionGroup = void 0;
      }
      /**
       * Copy settings that are useful to have in common across root command and subcommands.
       *
       * (Used internally when adding a command using `.command()` so subcommands inherit parent settings.)
       *
       * @param {Command} sourceCommand
       * @return {Command} `this` command for chaining
       */
      copyInheritedSettings(sourceCommand) {
        this._outputConfiguration = sourceCommand._outputConfiguration;
        this._helpOption = sourceCommand._helpOption;
        this._helpCommand = sourceCommand._helpCommand;
        this._helpConfiguration = sourceCommand._helpConfiguration;
        this._exitCallback = sourceCommand._exitCallback;
        this._storeOptionsAsProperties = sourceCommand._storeOptionsAsProperties;
        this._combineFlagAndOptionalValue = sourceCommand._combineFlagAndOptionalValue;
        this._allowExcessArguments = sourceCommand._allowExcessArguments;
        this._enablePositionalOptions = sourceCommand._enablePositionalOptions;
        this._showHelpAfterError = sourceCommand._showHelpAfterError;
        this._showSuggestionAfterError = sourceCommand._showSuggestionAfterError;
        return this;
      }
      /**
       * @returns {Command[]}
       * @private
       */
      _getCommandAndAncestors() {
        const result = [];
        for (let command = this; command; command = command.parent) {
          result.push(command);
        }
        return result;
      }
      /**
       * Define a command.
       *
       * There are two styles of command: pay attention to where to put the description.
       *
       * @example
       * // Command implemented using action handler (description is supplied separately to `.command`)
       * program
       *   .command('clone <source> [destination]')
       *   .description('clone a repository into a newly created directory')
       *   .action((source, destination) => {
       *     console.log('clone command called');
       *   });
       *
       * // Command implemented using separate executable file (description is second parameter to `.command`)
       * program
       *   .command('start <service>', 'start named service')
       *   .command('stop [service]', 'stop named service, or all if no name supplied');
       *
       * @param {string} nameAndArgs - command name and arguments, args are `<required>` or `[optional]` and last may also be `variadic...`
       * @param {(object | string)} [actionOptsOrExecDesc] - configuration options (for action), or description (for executable)
       * @param {object} [execOpts] - configuration options (for executable)
       * @return {Command} returns new command for action handler, or `this` for executable command
       */
      command(nameAndArgs, actionOptsOrExecDesc, execOpts) {
        let desc = actionOptsOrExecDesc;
        let opts = execOpts;
        if (typeof desc === "object" && desc !== null) {
          opts = desc;
          desc = null;
        }
        opts = opts || {};
        const [, name, args] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const cmd = this.createCommand(name);
        if (desc) {
          cmd.description(desc);
          cmd._executableHandler = true;
        }
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        cmd._hidden = !!(opts.noHelp || opts.hidden);
        cmd._executableFile = opts.executableFile || null;
        if (args) cmd.arguments(args);
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd.copyInheritedSettings(this);
        if (desc) return this;
        return cmd;
      }
      /**
       * Factory routine to create a new unattached command.
       *
       * See .command() for creating an attached subcommand, which uses this routine to
       * create the command. You can override createCommand to customise subcommands.
       *
       * @param {string} [name]
       * @return {Command} new command
       */
      createCommand(name) {
        return new _Command(name);
      }
      /**
       * You can customise the help with a subclass of Help by overriding createHelp,
       * or by overriding Help properties using configureHelp().
       *
       * @return {Help}
       */
      createHelp() {
        return Object.assign(new Help2(), this.configureHelp());
      }
      /**
       * You can customise the help by overriding Help properties using configureHelp(),
       * or with a subclass of Help by overriding createHelp().
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureHelp(configuration) {
        if (configuration === void 0) return this._helpConfiguration;
        this._helpConfiguration = configuration;
        return this;
      }
      /**
       * The default output goes to stdout and stderr. You can customise this for special
       * applications. You can also customise the display of errors by overriding outputError.
       *
       * The configuration properties are all functions:
       *
       *     // change how output being written, defaults to stdout and stderr
       *     writeOut(str)
       *     writeErr(str)
       *     // change how output being written for errors, defaults to writeErr
       *     outputError(str, write) // used for displaying errors and not used for displaying help
       *     // specify width for wrapping help
       *     getOutHelpWidth()
       *     getErrHelpWidth()
       *     // color support, currently only used with Help
       *     getOutHasColors()
       *     getErrHasColors()
       *     stripColor() // used to remove ANSI escape codes if output does not have colors
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureOutput(configuration) {
        if (configuration === void 0) return this._outputConfiguration;
        this._outputConfiguration = {
          ...this._outputConfiguration,
          ...configuration
        };
        return this;
      }
      /**
       * Display the help or a custom message after an error occurs.
       *
       * @param {(boolean|string)} [displayHelp]
       * @return {Command} `this` command for chaining
       */
      showHelpAfterError(displayHelp = true) {
        if (typeof displayHelp !== "string") displayHelp = !!displayHelp;
        this._showHelpAfterError = displayHelp;
        return this;
      }
      /**
       * Display suggestion of similar commands for unknown commands, or options for unknown options.
       *
       * @param {boolean} [displaySuggestion]
       * @return {Command} `this` command for chaining
       */
      showSuggestionAfterError(displaySuggestion = true) {
        this._showSuggestionAfterError = !!displaySuggestion;
        return this;
      }
      /**
       * Add a prepared subcommand.
       *
       * See .command() for creating an attached subcommand which inherits settings from its parent.
       *
       * @param {Command} cmd - new subcommand
       * @param {object} [opts] - configuration options
       * @return {Command} `this` command for chaining
       */
      addCommand(cmd, opts) {
        if (!cmd._name) {
          throw new Error(`Command passed to .addCommand() must have a name
- specify the name in Command constructor or using .name()`);
        }
        opts = opts || {};
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        if (opts.noHelp || opts.hidden) cmd._hidden = true;
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd._checkForBrokenPassThrough();
        return this;
      }
      /**
       * Factory routine to create a new unattached argument.
       *
       * See .argument() for creating an attached argument, which uses this routine to
       * create the argument. You can override createArgument to return a custom argument.
       *
       * @param {string} name
       * @param {string} [description]
       * @return {Argument} new argument
       */
      createArgument(name, description) {
        return new Argument2(name, description);
      }
      /**
       * Define argument syntax for command.
       *
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @example
       * program.argument('<input-file>');
       * program.argument('[output-file]');
       *
       * @param {string} name
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom argument processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      argument(name, description, parseArg, defaultValue) {
        const argument = this.createArgument(name, description);
        if (typeof parseArg === "function") {
          argument.default(defaultValue).argParser(parseArg);
        } else {
          argument.default(parseArg);
        }
        this.addArgument(argument);
        return this;
      }
      /**
       * Define argument syntax for command, adding multiple at once (without descriptions).
       *
       * See also .argument().
       *
       * @example
       * program.arguments('<cmd> [env]');
       *
       * @param {string} names
       * @return {Command} `this` command for chaining
       */
      arguments(names) {
        names.trim().split(/ +/).forEach((detail) => {
          this.argument(detail);
        });
        return this;
      }
      /**
       * Define argument syntax for command, adding a prepared argument.
       *
       * @param {Argument} argument
       * @return {Command} `this` command for chaining
       */
      addArgument(argument) {
        const previousArgument = this.registeredArguments.slice(-1)[0];
        if (previousArgument?.variadic) {
          throw new Error(
            `only the last argument can be variadic '${previousArgument.name()}'`
          );
        }
        if (argument.required && argument.defaultValue !== void 0 && argument.parseArg === void 0) {
          throw new Error(
            `a default value for a required argument is never used: '${argument.name()}'`
          );
        }
        this.registeredArguments.push(argument);
        return this;
      }
      /**
       * Customise or override default help command. By default a help command is automatically added if your command has subcommands.
       *
       * @example
       *    program.helpCommand('help [cmd]');
       *    program.helpCommand('help [cmd]', 'show help');
       *    program.helpCommand(false); // suppress default help command
       *    program.helpCommand(true); // add help command even if no subcommands
       *
       * @param {string|boolean} enableOrNameAndArgs - enable with custom name and/or arguments, or boolean to override whether added
       * @param {string} [description] - custom description
       * @return {Command} `this` command for chaining
       */
      helpCommand(enableOrNameAndArgs, description) {
        if (typeof enableOrNameAndArgs === "boolean") {
          this._addImplicitHelpCommand = enableOrNameAndArgs;
          if (enableOrNameAndArgs && this._defaultCommandGroup) {
            this._initCommandGroup(this._getHelpCommand());
          }
          return this;
        }
        const nameAndArgs = enableOrNameAndArgs ?? "help [command]";
        const [, helpName, helpArgs] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const helpDescription = description ?? "display help for command";
        const helpCommand = this.createCommand(helpName);
        helpCommand.helpOption(false);
        if (helpArgs) helpCommand.arguments(helpArgs);
        if (helpDescription) helpCommand.description(helpDescription);
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        if (enableOrNameAndArgs || description) this._initCommandGroup(helpCommand);
        return this;
      }
      /**
       * Add prepared custom help command.
       *
       * @param {(Command|string|boolean)} helpCommand - custom help command, or deprecated enableOrNameAndArgs as for `.helpCommand()`
       * @param {string} [deprecatedDescription] - deprecated custom description used with custom name only
       * @return {Command} `this` command for chaining
       */
      addHelpCommand(helpCommand, deprecatedDescription) {
        if (typeof helpCommand !== "object") {
          this.helpCommand(helpCommand, deprecatedDescription);
          return this;
        }
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        this._initCommandGroup(helpCommand);
        return this;
      }
      /**
       * Lazy create help command.
       *
       * @return {(Command|null)}
       * @package
       */
      _getHelpCommand() {
        const hasImplicitHelpCommand = this._addImplicitHelpCommand ?? (this.commands.length && !this._actionHandler && !this._findCommand("help"));
        if (hasImplicitHelpCommand) {
          if (this._helpCommand === void 0) {
            this.helpCommand(void 0, void 0);
          }
          return this._helpCommand;
        }
        return null;
      }
      /**
       * Add hook for life cycle event.
       *
       * @param {string} event
       * @param {Function} listener
       * @return {Command} `this` command for chaining
       */
      hook(event, listener) {
        const allowedValues = ["preSubcommand", "preAction", "postAction"];
        if (!allowedValues.includes(event)) {
          throw new Error(`Unexpected value for event passed to hook : '${event}'.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        if (this._lifeCycleHooks[event]) {
          this._lifeCycleHooks[event].push(listener);
        } else {
          this._lifeCycleHooks[event] = [listener];
        }
        return this;
      }
      /**
       * Register callback to use as replacement for calling process.exit.
       *
       * @param {Function} [fn] optional callback which will be passed a CommanderError, defaults to throwing
       * @return {Command} `this` command for chaining
       */
      exitOverride(fn) {
        if (fn) {
          this._exitCallback = fn;
        } else {
          this._exitCallback = (err) => {
            if (err.code !== "commander.executeSubCommandAsync") {
              throw err;
            } else {
            }
          };
        }
        return this;
      }
      /**
       * Call process.exit, and _exitCallback if defined.
       *
       * @param {number} exitCode exit code for using with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       * @return never
       * @private
       */
      _exit(exitCode, code, message) {
        if (this._exitCallback) {
          this._exitCallback(new CommanderError2(exitCode, code, message));
        }
        process2.exit(exitCode);
      }
      /**
       * Register callback `fn` for the command.
       *
       * @example
       * program
       *   .command('serve')
       *   .description('start service')
       *   .action(function() {
       *      // do work here
       *   });
       *
       * @param {Function} fn
       * @return {Command} `this` command for chaining
       */
      action(fn) {
        const listener = (args) => {
          const expectedArgsCount = this.registeredArguments.length;
          const actionArgs = args.slice(0, expectedArgsCount);
          if (this._storeOptionsAsProperties) {
            actionArgs[expectedArgsCount] = this;
          } else {
            actionArgs[expectedArgsCount] = this.opts();
          }
          actionArgs.push(this);
          return fn.apply(this, actionArgs);
        };
        this._actionHandler = listener;
        return this;
      }
      /**
       * Factory routine to create a new unattached option.
       *
       * See .option() for creating an attached option, which uses this routine to
       * create the option. You can override createOption to return a custom option.
       *
       * @param {string} flags
       * @param {string} [description]
       * @return {Option} new option
       */
      createOption(flags, description) {
        return new Option2(flags, description);
      }
      /**
       * Wrap parseArgs to catch 'commander.invalidArgument'.
       *
       * @param {(Option | Argument)} target
       * @param {string} value
       * @param {*} previous
       * @param {string} invalidArgumentMessage
       * @private
       */
      _callParseArg(target, value, previous, invalidArgumentMessage) {
        try {
          return target.parseArg(value, previous);
        } catch (err) {
          if (err.code === "commander.invalidArgument") {
            const message = `${invalidArgumentMessage} ${err.message}`;
            this.error(message, { exitCode: err.exitCode, code: err.code });
          }
          throw err;
        }
      }
      /**
       * Check for option flag conflicts.
       * Register option if no conflicts found, or throw on conflict.
       *
       * @param {Option} option
       * @private
       */
      _registerOption(option) {
        const matchingOption = option.short && this._findOption(option.short) || option.long && this._findOption(option.long);
        if (matchingOption) {
          const matchingFlag = option.long && this._findOption(option.long) ? option.long : option.short;
          throw new Error(`Cannot add option '${option.flags}'${this._name && ` to command '${this._name}'`} due to conflicting flag '${matchingFlag}'
-  already used by option '${matchingOption.flags}'`);
        }
        this._initOptionGroup(option);
        this.options.push(option);
      }
      /**
       * Check for command name and alias conflicts with existing commands.
       * Register command if no conflicts found, or throw on conflict.
       *
       * @param {Command} command
       * @private
       */
      _registerCommand(command) {
        const knownBy = (cmd) => {
          return [cmd.name()].concat(cmd.aliases());
        };
        const alreadyUsed = knownBy(command).find(
          (name) => this._findCommand(name)
        );
        if (alreadyUsed) {
          const existingCmd = knownBy(this._findCommand(alreadyUsed)).join("|");
          const newCmd = knownBy(command).join("|");
          throw new Error(
            `cannot add command '${newCmd}' as already have command '${existingCmd}'`
          );
        }
        this._initCommandGroup(command);
        this.commands.push(command);
      }
      /**
       * Add an option.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addOption(option) {
        this._registerOption(option);
        const oname = option.name();
        const name = option.attributeName();
        if (option.negate) {
          const positiveLongFlag = option.long.replace(/^--no-/, "--");
          if (!this._findOption(positiveLongFlag)) {
            this.setOptionValueWithSource(
              name,
              option.defaultValue === void 0 ? true : option.defaultValue,
              "default"
            );
          }
        } else if (option.defaultValue !== void 0) {
          this.setOptionValueWithSource(name, option.defaultValue, "default");
        }
        const handleOptionValue = (val, invalidValueMessage, valueSource) => {
          if (val == null && option.presetArg !== void 0) {
            val = option.presetArg;
          }
          const oldValue = this.getOptionValue(name);
          if (val !== null && option.parseArg) {
            val = this._callParseArg(option, val, oldValue, invalidValueMessage);
          } else if (val !== null && option.variadic) {
            val = option._collectValue(val, oldValue);
          }
          if (val == null) {
            if (option.negate) {
              val = false;
            } else if (option.isBoolean() || option.optional) {
              val = true;
            } else {
              val = "";
            }
          }
          this.setOptionValueWithSource(name, val, valueSource);
        };
        this.on("option:" + oname, (val) => {
          const invalidValueMessage = `error: option '${option.flags}' argument '${val}' is invalid.`;
          handleOptionValue(val, invalidValueMessage, "cli");
        });
        if (option.envVar) {
          this.on("optionEnv:" + oname, (val) => {
            const invalidValueMessage = `error: option '${option.flags}' value '${val}' from env '${option.envVar}' is invalid.`;
            handleOptionValue(val, invalidValueMessage, "env");
          });
        }
        return this;
      }
      /**
       * Internal implementation shared by .option() and .requiredOption()
       *
       * @return {Command} `this` command for chaining
       * @private
       */
      _optionEx(config, flags, description, fn, defaultValue) {
        if (typeof flags === "object" && flags instanceof Option2) {
          throw new Error(
            "To add an Option object use addOption() instead of option() or requiredOption()"
          );
        }
        const option = this.createOption(flags, description);
        option.makeOptionMandatory(!!config.mandatory);
        if (typeof fn === "function") {
          option.default(defaultValue).argParser(fn);
        } else if (fn instanceof RegExp) {
          const regex = fn;
          fn = (val, def) => {
            const m = regex.exec(val);
            return m ? m[0] : def;
          };
          option.default(defaultValue).argParser(fn);
        } else {
          option.default(fn);
        }
        return this.addOption(option);
      }
      /**
       * Define option with `flags`, `description`, and optional argument parsing function or `defaultValue` or both.
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space. A required
       * option-argument is indicated by `<>` and an optional option-argument by `[]`.
       *
       * See the README for more details, and see also addOption() and requiredOption().
       *
       * @example
       * program
       *     .option('-p, --pepper', 'add pepper')
       *     .option('--pt, --pizza-type <TYPE>', 'type of pizza') // required option-argument
       *     .option('-c, --cheese [CHEESE]', 'add extra cheese', 'mozzarella') // optional option-argument with default
       *     .option('-t, --tip <VALUE>', 'add tip to purchase cost', parseFloat) // custom parse function
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      option(flags, description, parseArg, defaultValue) {
        return this._optionEx({}, flags, description, parseArg, defaultValue);
      }
      /**
       * Add a required option which must have a value after parsing. This usually means
       * the option must be specified on the command line. (Otherwise the same as .option().)
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space.
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      requiredOption(flags, description, parseArg, defaultValue) {
        return this._optionEx(
          { mandatory: true },
          flags,
          description,
          parseArg,
          defaultValue
        );
      }
      /**
       * Alter parsing of short flags with optional values.
       *
       * @example
       * // for `.option('-f,--flag [value]'):
       * program.combineFlagAndOptionalValue(true);  // `-f80` is treated like `--flag=80`, this is the default behaviour
       * program.combineFlagAndOptionalValue(false) // `-fb` is treated like `-f -b`
       *
       * @param {boolean} [combine] - if `true` or omitted, an optional value can be specified directly after the flag.
       * @return {Command} `this` command for chaining
       */
      combineFlagAndOptionalValue(combine = true) {
        this._combineFlagAndOptionalValue = !!combine;
        return this;
      }
      /**
       * Allow unknown options on the command line.
       *
       * @param {boolean} [allowUnknown] - if `true` or omitted, no error will be thrown for unknown options.
       * @return {Command} `this` command for chaining
       */
      allowUnknownOption(allowUnknown = true) {
        this._allowUnknownOption = !!allowUnknown;
        return this;
      }
      /**
       * Allow excess command-arguments on the command line. Pass false to make excess arguments an error.
       *
       * @param {boolean} [allowExcess] - if `true` or omitted, no error will be thrown for excess arguments.
       * @return {Command} `this` command for chaining
       */
      allowExcessArguments(allowExcess = true) {
        this._allowExcessArguments = !!allowExcess;
        return this;
      }
      /**
       * Enable positional options. Positional means global options are specified before subcommands which lets
       * subcommands reuse the same option names, and also enables subcommands to turn on passThroughOptions.
       * The default behaviour is non-positional and global options may appear anywhere on the command line.
       *
       * @param {boolean} [positional]
       * @return {Command} `this` command for chaining
       */
      enablePositionalOptions(positional = true) {
        this._enablePositionalOptions = !!positional;
        return this;
      }
      /**
       * Pass through options that come after command-arguments rather than treat them as command-options,
       * so actual command-options come before command-arguments. Turning this on for a subcommand requires
       * positional options to have been enabled on the program (parent commands).
       * The default behaviour is non-positional and options may appear before or after command-arguments.
       *
       * @param {boolean} [passThrough] for unknown options.
       * @return {Command} `this` command for chaining
       */
      passThroughOptions(passThrough = true) {
        this._passThroughOptions = !!passThrough;
        this._checkForBrokenPassThrough();
        return this;
      }
      /**
       * @private
       */
      _checkForBrokenPassThrough() {
        if (this.parent && this._passThroughOptions && !this.parent._enablePositionalOptions) {
          throw new Error(
            `passThroughOptions cannot be used for '${this._name}' without turning on enablePositionalOptions for parent command(s)`
          );
        }
      }
      /**
       * Whether to store option values as properties on command object,
       * or store separately (specify false). In both cases the option values can be accessed using .opts().
       *
       * @param {boolean} [storeAsProperties=true]
       * @return {Command} `this` command for chaining
       */
      storeOptionsAsProperties(storeAsProperties = true) {
        if (this.options.length) {
          throw new Error("call .storeOptionsAsProperties() before adding options");
        }
        if (Object.keys(this._optionValues).length) {
          throw new Error(
            "call .storeOptionsAsProperties() before setting option values"
          );
        }
        this._storeOptionsAsProperties = !!storeAsProperties;
        return this;
      }
      /**
       * Retrieve option value.
       *
       * @param {string} key
       * @return {object} value
       */
      getOptionValue(key) {
        if (this._storeOptionsAsProperties) {
          return this[key];
        }
        return this._optionValues[key];
      }
      /**
       * Store option value.
       *
       * @param {string} key
       * @param {object} value
       * @return {Command} `this` command for chaining
       */
      setOptionValue(key, value) {
        return this.setOptionValueWithSource(key, value, void 0);
      }
      /**
       * Store option value and where the value came from.
       *
       * @param {string} key
       * @param {object} value
       * @param {string} source - expected values are default/config/env/cli/implied
       * @return {Command} `this` command for chaining
       */
      setOptionValueWithSource(key, value, source) {
        if (this._storeOptionsAsProperties) {
          this[key] = value;
        } else {
          this._optionValues[key] = value;
        }
        this._optionValueSources[key] = source;
        return this;
      }
      /**
       * Get source of option value.
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSource(key) {
        return this._optionValueSources[key];
      }
      /**
       * Get source of option value. See also .optsWithGlobals().
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSourceWithGlobals(key) {
        let source;
        this._getCommandAndAncestors().forEach((cmd) => {
          if (cmd.getOptionValueSource(key) !== void 0) {
            source = cmd.getOptionValueSource(key);
          }
        });
        return source;
      }
      /**
       * Get user arguments from implied or explicit arguments.
       * Side-effects: set _scriptPath if args included script. Used for default program name, and subcommand searches.
       *
       * @private
       */
      _prepareUserArgs(argv, parseOptions) {
        if (argv !== void 0 && !Array.isArray(argv)) {
          throw new Error("first parameter to parse must be array or undefined");
        }
        parseOptions = parseOptions || {};
        if (argv === void 0 && parseOptions.from === void 0) {
          if (process2.versions?.electron) {
            parseOptions.from = "electron";
          }
          const execArgv = process2.execArgv ?? [];
          if (execArgv.includes("-e") || execArgv.includes("--eval") || execArgv.includes("-p") || execArgv.includes("--print")) {
            parseOptions.from = "eval";
          }
        }
        if (argv === void 0) {
          argv = process2.argv;
        }
        this.rawArgs = argv.slice();
        let userArgs;
        switch (parseOptions.from) {
          case void 0:
          case "node":
            this._scriptPath = argv[1];
            userArgs = argv.slice(2);
            break;
          case "electron":
            if (process2.defaultApp) {
              this._scriptPath = argv[1];
              userArgs = argv.slice(2);
            } else {
              userArgs = argv.slice(1);
            }
            break;
          case "user":
            userArgs = argv.slice(0);
            break;
          case "eval":
            userArgs = argv.slice(1);
            break;
          default:
            throw new Error(
              `unexpected parse option { from: '${parseOptions.from}' }`
            );
        }
        if (!this._name && this._scriptPath)
          this.nameFromFilename(this._scriptPath);
        this._name = this._name || "program";
        return userArgs;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Use parseAsync instead of parse if any of your action handlers are async.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * program.parse(); // parse process.argv and auto-detect electron and special node flags
       * program.parse(process.argv); // assume argv[0] is app and argv[1] is script
       * program.parse(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv] - optional, defaults to process.argv
       * @param {object} [parseOptions] - optionally specify style of options with from: node/user/electron
       * @param {string} [parseOptions.from] - where the args are from: 'node', 'user', 'electron'
       * @return {Command} `this` command for chaining
       */
      parse(argv, parseOptions) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions);
        this._parseCommand([], userArgs);
        return this;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * await program.parseAsync(); // parse process.argv and auto-detect electron and special node flags
       * await program.parseAsync(process.argv); // assume argv[0] is app and argv[1] is script
       * await program.parseAsync(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv]
       * @param {object} [parseOptions]
       * @param {string} parseOptions.from - where the args are from: 'node', 'user', 'electron'
       * @return {Promise}
       */
      async parseAsync(argv, parseOptions) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions);
        await this._parseCommand([], userArgs);
        return this;
      }
      _prepareForParse() {
        if (this._savedState === null) {
          this.saveStateBeforeParse();
        } else {
          this.restoreStateBeforeParse();
        }
      }
      /**
       * Called the first time parse is called to save state and allow a restore before subsequent calls to parse.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state saved.
       */
      saveStateBeforeParse() {
        this._savedState = {
          // name is stable if supplied by author, but may be unspecified for root command and deduced during parsing
          _name: this._name,
          // option values before parse have default values (including false for negated options)
          // shallow clones
          _optionValues: { ...this._optionValues },
          _optionValueSources: { ...this._optionValueSources }
        };
      }
      /**
       * Restore state before parse for calls after the first.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state restored.
       */
      restoreStateBeforeParse() {
        if (this._storeOptionsAsProperties)
          throw new Error(`Can not call parse again when storeOptionsAsProperties is true.
- either make a new Command for each call to parse, or stop storing options as properties`);
        this._name = this._savedState._name;
        this._scriptPath = null;
        this.rawArgs = [];
        this._optionValues = { ...this._savedState._optionValues };
        this._optionValueSources = { ...this._savedState._optionValueSources };
        this.args = [];
        this.processedArgs = [];
      }
      /**
       * Throw if expected executable is missing. Add lots of help for author.
       *
       * @param {string} executableFile
       * @param {string} executableDir
       * @param {string} subcommandName
       */
      _checkForMissingExecutable(executableFile, executableDir, subcommandName) {
        if (fs.existsSync(executableFile)) return;
        const executableDirMessage = executableDir ? `searched for local subcommand relative to directory '${executableDir}'` : "no directory for search for local subcommand, use .executableDir() to supply a custom directory";
        const executableMissing = `'${executableFile}' does not exist
 - if '${subcommandName}' is not meant to be an executable command, remove description parameter from '.command()' and use '.description()' instead
 - if the default executable name is not suitable, use the executableFile option to supply a custom name or path
 - ${executableDirMessage}`;
        throw new Error(executableMissing);
      }
      /**
       * Execute a sub-command executable.
       *
       * @private
       */
      _executeSubCommand(subcommand, args) {
        args = args.slice();
        let launchWithNode = false;
        const sourceExt = [".js", ".ts", ".tsx", ".mjs", ".cjs"];
        function findFile(baseDir, baseName) {
          const localBin = path.resolve(baseDir, baseName);
          if (fs.existsSync(localBin)) return localBin;
          if (sourceExt.includes(path.extname(baseName))) return void 0;
          const foundExt = sourceExt.find(
            (ext) => fs.existsSync(`${localBin}${ext}`)
          );
          if (foundExt) return `${localBin}${foundExt}`;
          return void 0;
        }
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        let executableFile = subcommand._executableFile || `${this._name}-${subcommand._name}`;
        let executableDir = this._executableDir || "";
        if (this._scriptPath) {
          let resolvedScriptPath;
          try {
            resolvedScriptPath = fs.realpathSync(this._scriptPath);
          } catch {
            resolvedScriptPath = this._scriptPath;
          }
          executableDir = path.resolve(
            path.dirname(resolvedScriptPath),
            executableDir
          );
        }
        if (executableDir) {
          let localFile = findFile(executableDir, executableFile);
          if (!localFile && !subcommand._executableFile && this._scriptPath) {
            const legacyName = path.basename(
              this._scriptPath,
              path.extname(this._scriptPath)
            );
            if (legacyName !== this._name) {
              localFile = findFile(
                executableDir,
                `${legacyName}-${subcommand._name}`
              );
            }
          }
          executableFile = localFile || executableFile;
        }
        launchWithNode = sourceExt.includes(path.extname(executableFile));
        let proc;
        if (process2.platform !== "win32") {
          if (launchWithNode) {
            args.unshift(executableFile);
            args = incrementNodeInspectorPort(process2.execArgv).concat(args);
            proc = childProcess.spawn(process2.argv[0], args, { stdio: "inherit" });
          } else {
            proc = childProcess.spawn(executableFile, args, { stdio: "inherit" });
          }
        } else {
          this._checkForMissingExecutable(
            executableFile,
            executableDir,
            subcommand._name
          );
          args.unshift(executableFile);
          args = incrementNodeInspectorPort(process2.execArgv).concat(args);
          proc = childProcess.spawn(process2.execPath, args, { stdio: "inherit" });
        }
        if (!proc.killed) {
          const signals = ["SIGUSR1", "SIGUSR2", "SIGTERM", "SIGINT", "SIGHUP"];
          signals.forEach((signal) => {
            process2.on(signal, () => {
              if (proc.killed === false && proc.exitCode === null) {
                proc.kill(signal);
              }
            });
          });
        }
        const exitCallback = this._exitCallback;
        proc.on("close", (code) => {
          code = code ?? 1;
          if (!exitCallback) {
            process2.exit(code);
          } else {
            exitCallback(
              new CommanderError2(
                code,
                "commander.executeSubCommandAsync",
                "(close)"
              )
            );
          }
        });
        proc.on("error", (err) => {
          if (err.code === "ENOENT") {
            this._checkForMissingExecutable(
              executableFile,
              executableDir,
              subcommand._name
            );
          } else if (err.code === "EACCES") {
            throw new Error(`'${executableFile}' not executable`);
          }
          if (!exitCallback) {
            process2.exit(1);
          } else {
            const wrappedError = new CommanderError2(
              1,
              "commander.executeSubCommandAsync",
              "(error)"
            );
            wrappedError.nestedError = err;
            exitCallback(wrappedError);
          }
        });
        this.runningCommand = proc;
      }
      /**
       * @private
       */
      _dispatchSubcommand(commandName, operands, unknown) {
        const subCommand = this._findCommand(commandName);
        if (!subCommand) this.help({ error: true });
        subCommand._prepareForParse();
        let promiseChain;
        promiseChain = this._chainOrCallSubCommandHook(
          promiseChain,
          subCommand,
          "preSubcommand"
        );
        promiseChain = this._chainOrCall(promiseChain, () => {
          if (subCommand._executableHandler) {
            this._executeSubCommand(subCommand, operands.concat(unknown));
          } else {
            return subCommand._parseCommand(operands, unknown);
          }
        });
        return promiseChain;
      }
      /**
       * Invoke help directly if possible, or dispatch if necessary.
       * e.g. help foo
       *
       * @private
       */
      _dispatchHelpCommand(subcommandName) {
        if (!subcommandName) {
          this.help();
        }
        const subCommand = this._findCommand(subcommandName);
        if (subCommand && !subCommand._executableHandler) {
          subCommand.help();
        }
        return this._dispatchSubcommand(
          subcommandName,
          [],
          [this._getHelpOption()?.long ?? this._getHelpOption()?.short ?? "--help"]
        );
      }
      /**
       * Check this.args against expected this.registeredArguments.
       *
       * @private
       */
      _checkNumberOfArguments() {
        this.registeredArguments.forEach((arg, i) => {
          if (arg.required && this.args[i] == null) {
            this.missingArgument(arg.name());
          }
        });
        if (this.registeredArguments.length > 0 && this.registeredArguments[this.registeredArguments.length - 1].variadic) {
          return;
        }
        if (this.args.length > this.registeredArguments.length) {
          this._excessArguments(this.args);
        }
      }
      /**
       * Process this.args using this.registeredArguments and save as this.processedArgs!
       *
       * @private
       */
      _processArguments() {
        const myParseArg = (argument, value, previous) => {
          let parsedValue = value;
          if (value !== null && argument.parseArg) {
            const invalidValueMessage = `error: command-argument value '${value}' is invalid for argument '${argument.name()}'.`;
            parsedValue = this._callParseArg(
              argument,
              value,
              previous,
              invalidValueMessage
            );
          }
          return parsedValue;
        };
        this._checkNumberOfArguments();
        const processedArgs = [];
        this.registeredArguments.forEach((declaredArg, index) => {
          let value = declaredArg.defaultValue;
          if (declaredArg.variadic) {
            if (index < this.args.length) {
              value = this.args.slice(index);
              if (declaredArg.parseArg) {
                value = value.reduce((processed, v) => {
                  return myParseArg(declaredArg, v, processed);
                }, declaredArg.defaultValue);
              }
            } else if (value === void 0) {
              value = [];
            }
          } else if (index < this.args.length) {
            value = this.args[index];
            if (declaredArg.parseArg) {
              value = myParseArg(declaredArg, value, declaredArg.defaultValue);
            }
          }
          processedArgs[index] = value;
        });
        this.processedArgs = processedArgs;
      }
      /**
       * Once we have a promise we chain, but call synchronously until then.
       *
       * @param {(Promise|undefined)} promise
       * @param {Function} fn
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCall(promise, fn) {
        if (promise?.then && typeof promise.then === "function") {
          return promise.then(() => fn());
        }
        return fn();
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallHooks(promise, event) {
        let result = promise;
        const hooks = [];
        this._getCommandAndAncestors().reverse().filter((cmd) => cmd._lifeCycleHooks[event] !== void 0).forEach((hookedCommand) => {
          hookedCommand._lifeCycleHooks[event].forEach((callback) => {
            hooks.push({ hookedCommand, callback });
          });
        });
        if (event === "postAction") {
          hooks.reverse();
        }
        hooks.forEach((hookDetail) => {
          result = this._chainOrCall(result, () => {
            return hookDetail.callback(hookDetail.hookedCommand, this);
          });
        });
        return result;
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {Command} subCommand
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallSubCommandHook(promise, subCommand, event) {
        let result = promise;
        if (this._lifeCycleHooks[event] !== void 0) {
          this._lifeCycleHooks[event].forEach((hook) => {
            result = this._chainOrCall(result, () => {
              return hook(this, subCommand);
            });
          });
        }
        return result;
      }
      /**
       * Process arguments in context of this command.
       * Returns action result, in case it is a promise.
       *
       * @private
       */
      _parseCommand(operands, unknown) {
        const parsed = this.parseOptions(unknown);
        this._parseOptionsEnv();
        this._parseOptionsImplied();
        operands = operands.concat(parsed.operands);
        unknown = parsed.unknown;
        this.args = operands.concat(unknown);
        if (operands && this._findCommand(operands[0])) {
          return this._dispatchSubcommand(operands[0], operands.slice(1), unknown);
        }
        if (this._getHelpCommand() && operands[0] === this._getHelpCommand().name()) {
          return this._dispatchHelpCommand(operands[1]);
        }
        if (this._defaultCommandName) {
          this._outputHelpIfRequested(unknown);
          return this._dispatchSubcommand(
            this._defaultCommandName,
            operands,
            unknown
          );
        }
        if (this.commands.length && this.args.length === 0 && !this._actionHandler && !this._defaultCommandName) {
          this.help({ error: true });
        }
        this._outputHelpIfRequested(parsed.unknown);
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        const checkForUnknownOptions = () => {
          if (parsed.unknown.length > 0) {
            this.unknownOption(parsed.unknown[0]);
          }
        };
        const commandEvent = `command:${this.name()}`;
        if (this._actionHandler) {
          checkForUnknownOptions();
          this._processArguments();
          let promiseChain;
          promiseChain = this._chainOrCallHooks(promiseChain, "preAction");
          promiseChain = this._chainOrCall(
            promiseChain,
            () => this._actionHandler(this.processedArgs)
          );
          if (this.parent) {
            promiseChain = this._chainOrCall(promiseChain, () => {
              this.parent.emit(commandEvent, operands, unknown);
            });
          }
          promiseChain = this._chainOrCallHooks(promiseChain, "postAction");
          return promiseChain;
        }
        if (this.parent?.listenerCount(commandEvent)) {
          checkForUnknownOptions();
          this._processArguments();
          this.parent.emit(commandEvent, operands, unknown);
        } else if (operands.length) {
          if (this._findCommand("*")) {
            return this._dispatchSubcommand("*", operands, unknown);
          }
          if (this.listenerCount("command:*")) {
            this.emit("command:*", operands, unknown);
          } else if (this.commands.length) {
            this.unknownCommand();
          } else {
            checkForUnknownOptions();
            this._processArguments();
          }
        } else if (this.commands.length) {
          checkForUnknownOptions();
          this.help({ error: true });
        } else {
          checkForUnknownOptions();
          this._processArguments();
        }
      }
      /**
       * Find matching command.
       *
       * @private
       * @return {Command | undefined}
       */
      _findCommand(name) {
        if (!name) return void 0;
        return this.commands.find(
          (cmd) => cmd._name === name || cmd._aliases.includes(name)
        );
      }
      /**
       * Return an option matching `arg` if any.
       *
       * @param {string} arg
       * @return {Option}
       * @package
       */
      _findOption(arg) {
        return this.options.find((option) => option.is(arg));
      }
      /**
       * Display an error message if a mandatory option does not have a value.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForMissingMandatoryOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd.options.forEach((anOption) => {
            if (anOption.mandatory && cmd.getOptionValue(anOption.attributeName()) === void 0) {
              cmd.missingMandatoryOptionValue(anOption);
            }
          });
        });
      }
      /**
       * Display an error message if conflicting options are used together in this.
       *
       * @private
       */
      _checkForConflictingLocalOptions() {
        const definedNonDefaultOptions = this.options.filter((option) => {
          const optionKey = option.attributeName();
          if (this.getOptionValue(optionKey) === void 0) {
            return false;
          }
          return this.getOptionValueSource(optionKey) !== "default";
        });
        const optionsWithConflicting = definedNonDefaultOptions.filter(
          (option) => option.conflictsWith.length > 0
        );
        optionsWithConflicting.forEach((option) => {
          const conflictingAndDefined = definedNonDefaultOptions.find(
            (defined) => option.conflictsWith.includes(defined.attributeName())
          );
          if (conflictingAndDefined) {
            this._conflictingOption(option, conflictingAndDefined);
          }
        });
      }
      /**
       * Display an error message if conflicting options are used together.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForConflictingOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd._checkForConflictingLocalOptions();
        });
      }
      /**
       * Parse options from `argv` removing known options,
       * and return argv split into operands and unknown arguments.
       *
       * Side effects: modifies command by storing options. Does not reset state if called again.
       *
       * Examples:
       *
       *     argv => operands, unknown
       *     --known kkk op => [op], []
       *     op --known kkk => [op], []
       *     sub --unknown uuu op => [sub], [--unknown uuu op]
       *     sub -- --unknown uuu op => [sub --unknown uuu op], []
       *
       * @param {string[]} args
       * @return {{operands: string[], unknown: string[]}}
       */
      parseOptions(args) {
        const operands = [];
        const unknown = [];
        let dest = operands;
        function maybeOption(arg) {
          return arg.length > 1 && arg[0] === "-";
        }
        const negativeNumberArg = (arg) => {
          if (!/^-(\d+|\d*\.\d+)(e[+-]?\d+)?$/.test(arg)) return false;
          return !this._getCommandAndAncestors().some(
            (cmd) => cmd.options.map((opt) => opt.short).some((short) => /^-\d$/.test(short))
          );
        };
        let activeVariadicOption = null;
        let activeGroup = null;
        let i = 0;
        while (i < args.length || activeGroup) {
          const arg = activeGroup ?? args[i++];
          activeGroup = null;
          if (arg === "--") {
            if (dest === unknown) dest.push(arg);
            dest.push(...args.slice(i));
            break;
          }
          if (activeVariadicOption && (!maybeOption(arg) || negativeNumberArg(arg))) {
            this.emit(`option:${activeVariadicOption.name()}`, arg);
            continue;
          }
          activeVariadicOption = null;
          if (maybeOption(arg)) {
            const option = this._findOption(arg);
            if (option) {
              if (option.required) {
                const value = args[i++];
                if (value === void 0) this.optionMissingArgument(option);
                this.emit(`option:${option.name()}`, value);
              } else if (option.optional) {
                let value = null;
                if (i < args.length && (!maybeOption(args[i]) || negativeNumberArg(args[i]))) {
                  value = args[i++];
                }
                this.emit(`option:${option.name()}`, value);
              } else {
                this.emit(`option:${option.name()}`);
              }
              activeVariadicOption = option.variadic ? option : null;
              continue;
            }
          }
          if (arg.length > 2 && arg[0] === "-" && arg[1] !== "-") {
            const option = this._findOption(`-${arg[1]}`);
            if (option) {
              if (option.required || option.optional && this._combineFlagAndOptionalValue) {
                this.emit(`option:${option.name()}`, arg.slice(2));
              } else {
                this.emit(`option:${option.name()}`);
                activeGroup = `-${arg.slice(2)}`;
              }
              continue;
            }
          }
          if (/^--[^=]+=/.test(arg)) {
            const index = arg.indexOf("=");
            const option = this._findOption(arg.slice(0, index));
            if (option && (option.required || option.optional)) {
              this.emit(`option:${option.name()}`, arg.slice(index + 1));
              continue;
            }
          }
          if (dest === operands && maybeOption(arg) && !(this.commands.length === 0 && negativeNumberArg(arg))) {
            dest = unknown;
          }
          if ((this._enablePositionalOptions || this._passThroughOptions) && operands.length === 0 && unknown.length === 0) {
            if (this._findCommand(arg)) {
              operands.push(arg);
              unknown.push(...args.slice(i));
              break;
            } else if (this._getHelpCommand() && arg === this._getHelpCommand().name()) {
              operands.push(arg, ...args.slice(i));
              break;
            } else if (this._defaultCommandName) {
              unknown.push(arg, ...args.slice(i));
              break;
            }
          }
          if (this._passThroughOptions) {
            dest.push(arg, ...args.slice(i));
            break;
          }
          dest.push(arg);
        }
        return { operands, unknown };
      }
      /**
       * Return an object containing local option values as key-value pairs.
       *
       * @return {object}
       */
      opts() {
        if (this._storeOptionsAsProperties) {
          const result = {};
          const len = this.options.length;
          for (let i = 0; i < len; i++) {
            const key = this.options[i].attributeName();
            result[key] = key === this._versionOptionName ? this._version : this[key];
          }
          return result;
        }
        return this._optionValues;
      }
      /**
       * Return an object containing merged local and global option values as key-value pairs.
       *
       * @return {object}
       */
      optsWithGlobals() {
        return this._getCommandAndAncestors().reduce(
          (combinedOptions, cmd) => Object.assign(combinedOptions, cmd.opts()),
          {}
        );
      }
      /**
       * Display error message and exit (or call exitOverride).
       *
       * @param {string} message
       * @param {object} [errorOptions]
       * @param {string} [errorOptions.code] - an id string representing the error
       * @param {number} [errorOptions.exitCode] - used with process.exit
       */
      error(message, errorOptions) {
        this._outputConfiguration.outputError(
          `${message}
`,
          this._outputConfiguration.writeErr
        );
        if (typeof this._showHelpAfterError === "string") {
          this._outputConfiguration.writeErr(`${this._showHelpAfterError}
`);
        } else if (this._showHelpAfterError) {
          this._outputConfiguration.writeErr("\n");
          this.outputHelp({ error: true });
        }
        const config = errorOptions || {};
        const exitCode = config.exitCode || 1;
        const code = config.code || "commander.error";
        this._exit(exitCode, code, message);
      }
      /**
       * Apply any option related environment variables, if option does
       * not have a value from cli or client code.
       *
       * @private
       */
      _parseOptionsEnv() {
        this.options.forEach((option) => {
          if (option.envVar && option.envVar in process2.env) {
            const optionKey = option.attributeName();
            if (this.getOptionValue(optionKey) === void 0 || ["default", "config", "env"].includes(
              this.getOptionValueSource(optionKey)
            )) {
              if (option.required || option.optional) {
                this.emit(`optionEnv:${option.name()}`, process2.env[option.envVar]);
              } else {
                this.emit(`optionEnv:${option.name()}`);
              }
            }
          }
        });
      }
      /**
       * Apply any implied option values, if option is undefined or default value.
       *
       * @private
       */
      _parseOptionsImplied() {
        const dualHelper = new DualOptions(this.options);
        const hasCustomOptionValue = (optionKey) => {
          return this.getOptionValue(optionKey) !== void 0 && !["default", "implied"].includes(this.getOptionValueSource(optionKey));
        };
        this.options.filter(
          (option) => option.implied !== void 0 && hasCustomOptionValue(option.attributeName()) && dualHelper.valueFromOption(
            this.getOptionValue(option.attributeName()),
            option
          )
        ).forEach((option) => {
          Object.keys(option.implied).filter((impliedKey) => !hasCustomOptionValue(impliedKey)).forEach((impliedKey) => {
            this.setOptionValueWithSource(
              impliedKey,
              option.implied[impliedKey],
              "implied"
            );
          });
        });
      }
      /**
       * Argument `name` is missing.
       *
       * @param {string} name
       * @private
       */
      missingArgument(name) {
        const message = `error: missing required argument '${name}'`;
        this.error(message, { code: "commander.missingArgument" });
      }
      /**
       * `Option` is missing an argument.
       *
       * @param {Option} option
       * @private
       */
      optionMissingArgument(option) {
        const message = `error: option '${option.flags}' argument missing`;
        this.error(message, { code: "commander.optionMissingArgument" });
      }
      /**
       * `Option` does not have a value, and is a mandatory option.
       *
       * @param {Option} option
       * @private
       */
      missingMandatoryOptionValue(option) {
        const message = `error: required option '${option.flags}' not specified`;
        this.error(message, { code: "commander.missingMandatoryOptionValue" });
      }
      /**
       * `Option` conflicts with another option.
       *
       * @param {Option} option
       * @param {Option} conflictingOption
       * @private
       */
      _conflictingOption(option, conflictingOption) {
        const findBestOptionFromValue = (option2) => {
          const optionKey = option2.attributeName();
          const optionValue = this.getOptionValue(optionKey);
          const negativeOption = this.options.find(
            (target) => target.negate && optionKey === target.attributeName()
          );
          const positiveOption = this.options.find(
            (target) => !target.negate && optionKey === target.attributeName()
          );
          if (negativeOption && (negativeOption.presetArg === void 0 && optionValue === false || negativeOption.presetArg !== void 0 && optionValue === negativeOption.presetArg)) {
            return negativeOption;
          }
          return positiveOption || option2;
        };
        const getErrorMessage = (option2) => {
          const bestOption = findBestOptionFromValue(option2);
          const optionKey = bestOption.attributeName();
          const source = this.getOptionValueSource(optionKey);
          if (source === "env") {
            return `environment variable '${bestOption.envVar}'`;
          }
          return `option '${bestOption.flags}'`;
        };
        const message = `error: ${getErrorMessage(option)} cannot be used with ${getErrorMessage(conflictingOption)}`;
        this.error(message, { code: "commander.conflictingOption" });
      }
      /**
       * Unknown option `flag`.
       *
       * @param {string} flag
       * @private
       */
      unknownOption(flag) {
        if (this._allowUnknownOption) return;
        let suggestion = "";
        if (flag.startsWith("--") && this._showSuggestionAfterError) {
          let candidateFlags = [];
          let command = this;
          do {
            const moreFlags = command.createHelp().visibleOptions(command).filter((option) => option.long).map((option) => option.long);
            candidateFlags = candidateFlags.concat(moreFlags);
            command = command.parent;
          } while (command && !command._enablePositionalOptions);
          suggestion = suggestSimilar(flag, candidateFlags);
        }
        const message = `error: unknown option '${flag}'${suggestion}`;
        this.error(message, { code: "commander.unknownOption" });
      }
      /**
       * Excess arguments, more than expected.
       *
       * @param {string[]} receivedArgs
       * @private
       */
      _excessArguments(receivedArgs) {
        if (this._allowExcessArguments) return;
        const expected = this.registeredArguments.length;
        const s = expected === 1 ? "" : "s";
        const forSubcommand = this.parent ? ` for '${this.name()}'` : "";
        const message = `error: too many arguments${forSubcommand}. Expected ${expected} argument${s} but got ${receivedArgs.length}.`;
        this.error(message, { code: "commander.excessArguments" });
      }
      /**
       * Unknown command.
       *
       * @private
       */
      unknownCommand() {
        const unknownName = this.args[0];
        let suggestion = "";
        if (this._showSuggestionAfterError) {
          const candidateNames = [];
          this.createHelp().visibleCommands(this).forEach((command) => {
            candidateNames.push(command.name());
            if (command.alias()) candidateNames.push(command.alias());
          });
          suggestion = suggestSimilar(unknownName, candidateNames);
        }
        const message = `error: unknown command '${unknownName}'${suggestion}`;
        this.error(message, { code: "commander.unknownCommand" });
      }
      /**
       * Get or set the program version.
       *
       * This method auto-registers the "-V, --version" option which will print the version number.
       *
       * You can optionally supply the flags and description to override the defaults.
       *
       * @param {string} [str]
       * @param {string} [flags]
       * @param {string} [description]
       * @return {(this | string | undefined)} `this` command for chaining, or version string if no arguments
       */
      version(str, flags, description) {
        if (str === void 0) return this._version;
        this._version = str;
        flags = flags || "-V, --version";
        description = description || "output the version number";
        const versionOption = this.createOption(flags, description);
        this._versionOptionName = versionOption.attributeName();
        this._registerOption(versionOption);
        this.on("option:" + versionOption.name(), () => {
          this._outputConfiguration.writeOut(`${str}
`);
          this._exit(0, "commander.version", str);
        });
        return this;
      }
      /**
       * Set the description.
       *
       * @param {string} [str]
       * @param {object} [argsDescription]
       * @return {(string|Command)}
       */
      description(str, argsDescription) {
        if (str === void 0 && argsDescription === void 0)
          return this._description;
        this._description = str;
        if (argsDescription) {
          this._argsDescription = argsDescription;
        }
        return this;
      }
      /**
       * Set the summary. Used when listed as subcommand of parent.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      summary(str) {
        if (str === void 0) return this._summary;
        this._summary = str;
        return this;
      }
      /**
       * Set an alias for the command.
       *
       * You may call more than once to add multiple aliases. Only the first alias is shown in the auto-generated help.
       *
       * @param {string} [alias]
       * @return {(string|Command)}
       */
      alias(alias) {
        if (alias === void 0) return this._aliases[0];
        let command = this;
        if (this.commands.length !== 0 && this.commands[this.commands.length - 1]._executableHandler) {
          command = this.commands[this.commands.length - 1];
        }
        if (alias === command._name)
          throw new Error("Command alias can't be the same as its name");
        const matchingCommand = this.parent?._findCommand(alias);
        if (matchingCommand) {
          const existingCmd = [matchingCommand.name()].concat(matchingCommand.aliases()).join("|");
          throw new Error(
            `cannot add alias '${alias}' to command '${this.name()}' as already have command '${existingCmd}'`
          );
        }
        command._aliases.push(alias);
        return this;
      }
      /**
       * Set aliases for the command.
       *
       * Only the first alias is shown in the auto-generated help.
       *
       * @param {string[]} [aliases]
       * @return {(string[]|Command)}
       */
      aliases(aliases) {
        if (aliases === void 0) return this._aliases;
        aliases.forEach((alias) => this.alias(alias));
        return this;
      }
      /**
       * Set / get the command usage `str`.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      usage(str) {
        if (str === void 0) {
          if (this._usage) return this._usage;
          const args = this.registeredArguments.map((arg) => {
            return humanReadableArgName(arg);
          });
          return [].concat(
            this.options.length || this._helpOption !== null ? "[options]" : [],
            this.commands.length ? "[command]" : [],
            this.registeredArguments.length ? args : []
          ).join(" ");
        }
        this._usage = str;
        return this;
      }
      /**
       * Get or set the name of the command.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      name(str) {
        if (str === void 0) return this._name;
        this._name = str;
        return this;
      }
      /**
       * Set/get the help group heading for this subcommand in parent command's help.
       *
       * @param {string} [heading]
       * @return {Command | string}
       */
      helpGroup(heading) {
        if (heading === void 0) return this._helpGroupHeading ?? "";
        this._helpGroupHeading = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for subcommands added to this command.
       * (This does not override a group set directly on the subcommand using .helpGroup().)
       *
       * @example
       * program.commandsGroup('Development Commands:);
       * program.command('watch')...
       * program.command('lint')...
       * ...
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      commandsGroup(heading) {
        if (heading === void 0) return this._defaultCommandGroup ?? "";
        this._defaultCommandGroup = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for options added to this command.
       * (This does not override a group set directly on the option using .helpGroup().)
       *
       * @example
       * program
       *   .optionsGroup('Development Options:')
       *   .option('-d, --debug', 'output extra debugging')
       *   .option('-p, --profile', 'output profiling information')
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      optionsGroup(heading) {
        if (heading === void 0) return this._defaultOptionGroup ?? "";
        this._defaultOptionGroup = heading;
        return this;
      }
      /**
       * @param {Option} option
       * @private
       */
      _initOptionGroup(option) {
        if (this._defaultOptionGroup && !option.helpGroupHeading)
          option.helpGroup(this._defaultOptionGroup);
      }
      /**
       * @param {Command} cmd
       * @private
       */
      _initCommandGroup(cmd) {
        if (this._defaultCommandGroup && !cmd.helpGroup())
          cmd.helpGroup(this._defaultCommandGroup);
      }
      /**
       * Set the name of the command from script filename, such as process.argv[1],
       * or require.main.filename, or __filename.
       *
       * (Used internally and public although not documented in README.)
       *
       * @example
       * program.nameFromFilename(require.main.filename);
       *
       * @param {string} filename
       * @return {Command}
       */
      nameFromFilename(filename) {
        this._name = path.basename(filename, path.extname(filename));
        return this;
      }
      /**
       * Get or set the directory for searching for executable subcommands of this command.
       *
       * @example
       * program.executableDir(__dirname);
       * // or
       * program.executableDir('subcommands');
       *
       * @param {string} [path]
       * @return {(string|null|Command)}
       */
      executableDir(path2) {
        if (path2 === void 0) return this._executableDir;
        this._executableDir = path2;
        return this;
      }
      /**
       * Return program help documentation.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to wrap for stderr instead of stdout
       * @return {string}
       */
      helpInformation(contextOptions) {
        const helper = this.createHelp();
        const context = this._getOutputContext(contextOptions);
        helper.prepareContext({
          error: context.error,
          helpWidth: context.helpWidth,
          outputHasColors: context.hasColors
        });
        const text2 = helper.formatHelp(this, helper);
        if (context.hasColors) return text2;
        return this._outputConfiguration.stripColor(text2);
      }
      /**
       * @typedef HelpContext
       * @type {object}
       * @property {boolean} error
       * @property {number} helpWidth
       * @property {boolean} hasColors
       * @property {function} write - includes stripColor if needed
       *
       * @returns {HelpContext}
       * @private
       */
      _getOutputContext(contextOptions) {
        contextOptions = contextOptions || {};
        const error = !!contextOptions.error;
        let baseWrite;
        let hasColors;
        let helpWidth;
        if (error) {
          baseWrite = (str) => this._outputConfiguration.writeErr(str);
          hasColors = this._outputConfiguration.getErrHasColors();
          helpWidth = this._outputConfiguration.getErrHelpWidth();
        } else {
          baseWrite = (str) => this._outputConfiguration.writeOut(str);
          hasColors = this._outputConfiguration.getOutHasColors();
          helpWidth = this._outputConfiguration.getOutHelpWidth();
        }
        const write = (str) => {
          if (!hasColors) str = this._outputConfiguration.stripColor(str);
          return baseWrite(str);
        };
        return { error, write, hasColors, helpWidth };
      }
      /**
       * Output help information for this command.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean } | Function} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      outputHelp(contextOptions) {
        let deprecatedCallback;
        if (typeof contextOptions === "function") {
          deprecatedCallback = contextOptions;
          contextOptions = void 0;
        }
        const outputContext = this._getOutputContext(contextOptions);
        const eventContext = {
          error: outputContext.error,
          write: outputContext.write,
          command: this
        };
        this._getCommandAndAncestors().reverse().forEach((command) => command.emit("beforeAllHelp", eventContext));
        this.emit("beforeHelp", eventContext);
        let helpInformation = this.helpInformation({ error: outputContext.error });
        if (deprecatedCallback) {
          helpInformation = deprecatedCallback(helpInformation);
          if (typeof helpInformation !== "string" && !Buffer.isBuffer(helpInformation)) {
            throw new Error("outputHelp callback must return a string or a Buffer");
          }
        }
        outputContext.write(helpInformation);
        if (this._getHelpOption()?.long) {
          this.emit(this._getHelpOption().long);
        }
        this.emit("afterHelp", eventContext);
        this._getCommandAndAncestors().forEach(
          (command) => command.emit("afterAllHelp", eventContext)
        );
      }
      /**
       * You can pass in flags and a description to customise the built-in help option.
       * Pass in false to disable the built-in help option.
       *
       * @example
       * program.helpOption('-?, --help' 'show help'); // customise
       * program.helpOption(false); // disable
       *
       * @param {(string | boolean)} flags
       * @param {string} [description]
       * @return {Command} `this` command for chaining
       */
      helpOption(flags, description) {
        if (typeof flags === "boolean") {
          if (flags) {
            if (this._helpOption === null) this._helpOption = void 0;
            if (this._defaultOptionGroup) {
              this._initOptionGroup(this._getHelpOption());
            }
          } else {
            this._helpOption = null;
          }
          return this;
        }
        this._helpOption = this.createOption(
          flags ?? "-h, --help",
          description ?? "display help for command"
        );
        if (flags || description) this._initOptionGroup(this._helpOption);
        return this;
      }
      /**
       * Lazy create help option.
       * Returns null if has been disabled with .helpOption(false).
       *
       * @returns {(Option | null)} the help option
       * @package
       */
      _getHelpOption() {
        if (this._helpOption === void 0) {
          this.helpOption(void 0, void 0);
        }
        return this._helpOption;
      }
      /**
       * Supply your own option to use for the built-in help option.
       * This is an alternative to using helpOption() to customise the flags and description etc.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addHelpOption(option) {
        this._helpOption = option;
        this._initOptionGroup(option);
        return this;
      }
      /**
       * Output help information and exit.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      help(contextOptions) {
        this.outputHelp(contextOptions);
        let exitCode = Number(process2.exitCode ?? 0);
        if (exitCode === 0 && contextOptions && typeof contextOptions !== "function" && contextOptions.error) {
          exitCode = 1;
        }
        this._exit(exitCode, "commander.help", "(outputHelp)");
      }
      /**
       * // Do a little typing to coordinate emit and listener for the help text events.
       * @typedef HelpTextEventContext
       * @type {object}
       * @property {boolean} error
       * @property {Command} command
       * @property {function} write
       */
      /**
       * Add additional text to be displayed with the built-in help.
       *
       * Position is 'before' or 'after' to affect just this command,
       * and 'beforeAll' or 'afterAll' to affect this command and all its subcommands.
       *
       * @param {string} position - before or after built-in help
       * @param {(string | Function)} text - string to add, or a function returning a string
       * @return {Command} `this` command for chaining
       */
      addHelpText(position, text2) {
        const allowedValues = ["beforeAll", "before", "after", "afterAll"];
        if (!allowedValues.includes(position)) {
          throw new Error(`Unexpected value for position to addHelpText.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        const helpEvent = `${position}Help`;
        this.on(helpEvent, (context) => {
          let helpStr;
          if (typeof text2 === "function") {
            helpStr = text2({ error: context.error, command: context.command });
          } else {
            helpStr = text2;
          }
          if (helpStr) {
            context.write(`${helpStr}
`);
          }
        });
        return this;
      }
      /**
       * Output help information if help flags specified
       *
       * @param {Array} args - array of options to search for help flags
       * @private
       */
      _outputHelpIfRequested(args) {
        const helpOption = this._getHelpOption();
        const helpRequested = helpOption && args.find((arg) => helpOption.is(arg));
        if (helpRequested) {
          this.outputHelp();
          this._exit(0, "commander.helpDisplayed", "(outputHelp)");
        }
      }
    };
    function incrementNodeInspectorPort(args) {
      return args.map((arg) => {
        if (!arg.startsWith("--inspect")) {
          return arg;
        }
        let debugOption;
        let debugHost = "127.0.0.1";
        let debugPort = "9229";
        let match;
        if ((match = arg.match(/^(--inspect(-brk)?)$/)) !== null) {
          debugOption = match[1];
        } else if ((match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+)$/)) !== null) {
          debugOption = match[1];
          if (/^\d+$/.test(match[3])) {
            debugPort = match[3];
          } else {
            debugHost = match[3];
          }
        } else if ((match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+):(\d+)$/)) !== null) {
          debugOption = match[1];
          debugHost = match[3];
          debugPort = match[4];
        }
        if (debugOption && debugPort !== "0") {
          return `${debugOption}=${debugHost}:${parseInt(debugPort) + 1}`;
        }
        return arg;
      });
    }
    function useColor() {
      if (process2.env.NO_COLOR || process2.env.FORCE_COLOR === "0" || process2.env.FORCE_COLOR === "false")
        return false;
      if (process2.env.FORCE_COLOR || process2.env.CLICOLOR_FORCE !== void 0)
        return true;
      return void 0;
    }
    exports.Command = Command3;
    exports.useColor = useColor;
  }
});

// node_modules/commander/index.js
var require_commander = __commonJS({
  "node_modules/commander/index.js"(exports) {
    var { Argument: Argument2 } = require_argument();
    var { Command: Command3 } = require_command();
    var { CommanderError: CommanderError2, InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var { Help: Help2 } = require_help();
    var { Option: Option2 } = require_option();
    exports.program = new Command3();
    exports.createCommand = (name) => new Command3(name);
    exports.createOption = (flags, description) => new Option2(flags, description);
    exports.createArgument = (name, description) => new Argument2(name, description);
    exports.Command = Command3;
    exports.Option = Option2;
    exports.Argument = Argument2;
    exports.Help = Help2;
    exports.CommanderError = CommanderError2;
    exports.InvalidArgumentError = InvalidArgumentError2;
    exports.InvalidOptionArgumentError = InvalidArgumentError2;
  }
});

// node_modules/commander/esm.mjs
var import_index = __toESM(require_commander(), 1);
var {
  program,
  createCommand,
  createArgument,
  createOption,
  CommanderError,
  InvalidArgumentError,
  InvalidOptionArgumentError,
  // deprecated old name
  Command,
  Argument,
  Option,
  Help
} = import_index.default;

// src/cli/kit.ts
function withCommonOptions(command, outHelp = "directory for the output files") {
  return command.option("--json", "print the machine-readable result on stdout").option("--out <dir>", outHelp).addOption(
    new Option("--config <file>", `config file to read (default: ${DEFAULT_CONFIG_FILES.join(" or ")})`)
  );
}
var collect = (value, previous = []) => [...previous, value];
function withExamples(command, examples) {
  return command.addHelpText("after", `
Examples:
${examples.map((e) => `  $ ${e}`).join("\n")}
`);
}
function handle(handler) {
  return async (...args) => {
    const command = args[args.length - 1];
    const options = command.opts();
    const progress = options.json ? silentProgress : streamProgress();
    try {
      if (typeof options.out === "string") await checkOut(command, options.out);
      const code = await handler(options, { progress }, command);
      process.exitCode = code ?? ExitCode.Pass;
    } catch (error) {
      reportFailure(error);
    }
  };
}
async function checkOut(command, out) {
  const declared = command.options.find((option) => option.long === "--out");
  if (declared?.flags.includes("<file>")) await checkOutputFile(out, "--out");
  else await checkOutputDir(out, "--out");
}
function reportFailure(error) {
  if (error instanceof MlciError) {
    process.stderr.write(`mlci: ${error.message}
`);
    process.exitCode = error.exitCode;
    return;
  }
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : ExitCode.Usage;
    return;
  }
  process.stderr.write(`mlci: unexpected error: ${describeError(error)}
`);
  if (process.env.MLCI_DEBUG) process.stderr.write(`${error?.stack ?? ""}
`);
  process.stderr.write("mlci: this is a bug; set MLCI_DEBUG=1 for the stack and report it\n");
  process.exitCode = ExitCode.Usage;
}
function printResult(options, json, text2) {
  if (options.json) process.stdout.write(JSON.stringify(json, null, 2) + "\n");
  else process.stdout.write(text2.endsWith("\n") ? text2 : `${text2}
`);
}

// src/cli/commands/deploy-canary.ts
import { appendFile } from "node:fs/promises";
function registerDeployCanary(program2) {
  const deploy = program2.command("deploy-canary").summary("roll a version out in traffic steps, then promote it or roll back").description(
    'Moves traffic to a canary version in steps (default 10 → 50 → 100), analyses error rate, p99 latency and prediction divergence at each step, then promotes (moves production) or rolls back. A first version (no production yet) has nothing to compare with and becomes production at once. Exit 0 promoted, 1 rolled back, 2 usage error. A rollout paused on an inconclusive analysis exits 0 with a warning on stderr and status "paused" in --json (resume with --resume).'
  ).option("--server <url>", "URL of a running mlci server").option("--model <name>", "model name").option("--version <vN>", "version to roll out").option("--target <target>", "server, local (an embedded server; needs --replay) or kserve").option("--admin-token <token>", "admin token of the server (default $MLCI_ADMIN_TOKEN)").option("--registry <dir>", 'registry directory, or "github" (default .mlci/registry)').option("--alias <alias>", "alias moved on success (default production)").option("--steps <list>", "canary traffic percentages (default 10,50,100)").option("--interval <duration>", "analysis interval per step, e.g. 60s (default: from the traffic rate)").option("--failure-limit <n>", "consecutive failed analyses tolerated before rolling back (default 1)").option(
    "--max-error-rate <rate>",
    "fail when the canary's error rate significantly exceeds stable's by more (default 0.01)"
  ).option(
    "--max-p99-ratio <ratio>",
    "fail when canary is significantly slower, its median above ratio × stable median (default 1.5) …"
  ).option("--p99-slack-ms <ms>", "… and stable median + this many ms (default 5)").option(
    "--max-divergence <d>",
    "fail when predictions significantly change by more: paired mean |Δ| or KS distance (default 0.1)"
  ).option("--min-requests <n>", "canary requests an analysis needs before it can pass (default 150)").option("--replay <file>", "replay this request file (CSV or JSONL, e.g. the test set) at each step").option("--rate <rps>", "replay rate in requests per second (default 50)").option("--label <column>", "replay column to leave out (default model.label)").option("--no-shadow", "do not score canary requests with stable too (unpaired divergence)").option("--state <file>", "pause state file (default deploy-state.json beside the registry directory)").option("--resume", "carry on a paused rollout").option("--kserve-namespace <ns>", "KServe namespace").option(
    "--kserve-storage-uri <uri>",
    "KServe storage URI template, e.g. s3://models/{name}/v{version} or oci://…/{name}:v{version} (default: the GitHub release asset)"
  ).option("--kserve-url <url>", "InferenceService URL for replayed traffic").option("--kserve-runtime <name>", "KServe ServingRuntime").option("--dry-run", "kserve: write the manifests of every step to --out (or print them) and stop");
  withExamples(withCommonOptions(deploy), [
    "mlci deploy-canary --server http://127.0.0.1:8080 --model churn --version v4",
    "mlci deploy-canary --target local --model churn --version v4 --replay data/test.csv --rate 100 --interval 20s",
    'mlci deploy-canary --target kserve --model churn --version v4 --kserve-storage-uri "s3://models/{name}/v{version}" --dry-run --out out/kserve'
  ]);
  deploy.action(
    handle(async (options, { progress }) => {
      const configPath = configFileOr(options.config);
      const config = await loadOptionalConfig(configPath);
      const { buildDeployRequest } = await import("../chunks/deploy-request-T3S7KV7O.js");
      const request = await buildDeployRequest(options, config, { configPath });
      if (request.kserve && options.dryRun) return dryRun(request, options);
      const { deployCanary } = await import("../chunks/deploy-42AAEOTO.js");
      const result = await deployCanary({ ...request, progress });
      await print(options, request, result);
      return result.report.outcome === "rolled_back" ? 1 : 0;
    })
  );
}
async function dryRun(request, options) {
  const { rolloutManifests } = await import("../chunks/kserve-CZST4MV3.js");
  const stable = await request.registry.resolve({
    name: request.model,
    alias: request.alias ?? PRODUCTION_ALIAS
  });
  const manifests = rolloutManifests(
    request.model,
    request.version,
    request.kserve,
    request.steps ?? [...DEFAULT_CANARY_STEPS],
    stable?.version ?? null
  );
  const { kserveRuntimeCheck, requireOnnxRuntime } = await import("../chunks/kserve-runtime-TUPXUDM6.js");
  const runtime = await kserveRuntimeCheck(request.registry, request.model, request.version, request.kserve);
  if (runtime) requireOnnxRuntime(runtime);
  if (options.out)
    for (const [file, yaml] of Object.entries(manifests))
      await writeFileAtomic(`${options.out}/${file}`, yaml);
  printResult(
    options,
    { manifests },
    options.out ? `wrote ${Object.keys(manifests).join(", ")} to ${options.out}` : Object.values(manifests).join("---\n")
  );
  return 0;
}
async function print(options, request, result) {
  const { model, version } = request;
  const alias = request.alias ?? PRODUCTION_ALIAS;
  const r = result.report;
  const { pauseWarning, resumeInstruction, rolloutMarkdown } = await import("../chunks/report-UQ2QWOMO.js");
  const resume = r.outcome === "paused" ? resumeInstruction(model, version, "cli") : void 0;
  const text2 = [
    `${model}@v${version} on ${result.target}: ${r.outcome.replace("_", " ")}`,
    `  ${r.reason}`,
    ...result.loadTest ? [`  load test: ${result.loadTest.report.verdict}: ${result.loadTest.report.summary}`] : [],
    ...r.analyses.map(
      (a) => `  step ${a.step} (${a.weight} %): ${a.analysis.verdict} — ${a.analysis.reason}`
    ),
    result.alias ? `  ${model}@${result.alias.alias} → v${result.alias.to}` : `  ${model}@${alias} unchanged`
  ].join("\n");
  printResult(options, { status: r.outcome, reason: r.reason, resume, ...result }, text2);
  if (!resume) return;
  const warning = pauseWarning(model, r, resume);
  process.stderr.write(`mlci: warning: ${warning}
`);
  if (process.env.GITHUB_ACTIONS !== "true") return;
  process.stderr.write(`::warning title=canary paused::${escapeWorkflowCommand(warning)}
`);
  const summary2 = process.env.GITHUB_STEP_SUMMARY;
  if (summary2) {
    const markdown = rolloutMarkdown(model, r, result.target, null, resume);
    await appendFile(summary2, `${markdown}
`).catch(() => void 0);
  }
}
function escapeWorkflowCommand(text2) {
  return text2.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

// src/cli/commands/evaluate.ts
function registerEvaluate(program2) {
  const evaluate = program2.command("evaluate").summary("score a candidate against the baseline model on the same data and gate it").description(
    "Runs the candidate (and the baseline, when given) ONNX model on the same rows, computes scikit-learn's metrics, applies the gates of mlci.yml and writes evaluation.json and evaluation.md. Works without mlci.yml. Exit 1 when a gate fails.\n\nBaseline: --baseline FILE; else the registry alias (--alias, default production) of --name; else none, and the run passes as a rubber stamp (value gates still apply)."
  ).option("--model <file>", "candidate model (ONNX)").option("--baseline <file>", "baseline model (ONNX); default: the registry production alias").option("--data <file>", "evaluation data").option("--label <column>", "label column").option("--task <task>", "binary, multiclass or regression").option("--name <model>", "model name in the registry (default: model.name of mlci.yml)").option("--registry <dir>", 'registry directory, or "github" (default .mlci/registry when it exists)').option("--alias <alias>", "registry alias of the baseline (default production)").option("--features <columns>", "comma-separated feature columns, in the order of a [N, F] model input").option(
    "--output <name>",
    'model output holding the class probabilities (default: "probabilities", else the float output whose values are probabilities)'
  ).option(
    "--threshold <p>",
    "binary decision threshold: positive when p(positive class: 1, else the greater label) > it (default: arg-max)"
  ).option("--slices <columns>", "comma-separated columns whose values define slices").option("--min-slice-size <rows>", "smallest slice that gets metrics (default 30)").option("--batch-size <rows>", "rows per inference batch (default 8192)").option(
    "--bootstrap <resamples>",
    "paired bootstrap resamples per gated change (default 1000; 0 disables)"
  ).option("--seed <n>", "bootstrap seed (default 0)").option("--confidence <c>", "bootstrap interval confidence (default 0.95)").option(
    "--gate <metric:kind=value>",
    "a gate, e.g. roc_auc:max_drop=0.01 (repeatable; adds to mlci.yml gates)",
    collect
  ).option("--validation <file>", "validate-data's validation.json, for the drift summary").option("--predictions <file>", "also write every row's model outputs (both models) to this CSV");
  withExamples(withCommonOptions(evaluate), [
    "mlci evaluate --model model.onnx --data data/test.csv --label churned --task binary --out out/eval",
    "mlci evaluate --model new.onnx --baseline prod.onnx --data test.parquet --label y --task regression --json",
    "mlci evaluate --model new.onnx --baseline prod.onnx --data test.csv --label y --task binary --gate roc_auc:max_drop=0.01 --slices country"
  ]);
  evaluate.action(
    handle(async (options, context, command) => {
      const { buildEvaluateRequest } = await import("../chunks/evaluate-options-W3QRYQSP.js");
      const { formatValue, headline } = await import("../chunks/format-LSHFOL2Y.js");
      const config = await loadOptionalConfig(
        options.config,
        command.getOptionValueSource("config") === "cli"
      );
      const request = await buildEvaluateRequest(options, config);
      const { evaluate: run } = await import("../chunks/evaluate-WJV2VIH6.js");
      const result = await run({ ...request, progress: context.progress });
      const e = result.evaluation;
      const text2 = [
        headline(e.summary),
        ...Object.entries(e.deltas).filter(([, d]) => d.candidate !== null || d.baseline !== null).map(
          ([m, d]) => `  ${m.padEnd(28)} ${e.baseline ? `${formatValue(d.baseline).padStart(12)} → ` : ""}${formatValue(d.candidate).padStart(12)}`
        ),
        ...result.files.map((f) => `wrote ${f}`)
      ].join("\n");
      printResult(options, e, text2);
      return e.verdict === "fail" ? ExitCode.CheckFailed : ExitCode.Pass;
    })
  );
}

// src/cli/commands/init.ts
import { access } from "node:fs/promises";

// src/config/starter.ts
var SCHEMA_URL = "https://raw.githubusercontent.com/mlci/mlci/v0/schema/mlci.schema.json";
var STARTER_GATES = {
  binary: `    roc_auc:
      min: 0.70            # absolute floor
      max_drop: 0.01       # at most 0.01 below production
    log_loss:
      max_rise: 0.02`,
  multiclass: `    roc_auc_ovr:           # macro one-vs-rest ROC AUC
      min: 0.70            # absolute floor
      max_drop: 0.01       # at most 0.01 below production
    f1_macro:
      max_drop: 0.02
    log_loss:
      max_rise: 0.02`,
  regression: `    r2:
      min: 0.50            # absolute floor
      max_drop: 0.01       # at most 0.01 below production
    # rmse:                # in the label's units: pick a bound that fits your data
    #   max_rise: 0.5`
};
var STARTER_TASK = "binary";
function starterConfig(name, task = STARTER_TASK) {
  const value = /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) ? name : JSON.stringify(name);
  return `# yaml-language-server: $schema=${SCHEMA_URL}
# Offline, with mlci installed in the project: ./node_modules/mlci/schema/mlci.schema.json is the same file.
# mlci pipeline configuration. Reference: docs/config.md. Check it with \`mlci pipeline --dry-run\`.
version: 1

model:
  name: ${value}            # registry name: releases are tagged ${name}@v1, ${name}@v2, …
  task: ${task.padEnd(18)} # binary | multiclass | regression
  label: label             # the label column in your data
  # features: [age, plan]  # column order when the model takes one 2-D float tensor

data:
  train: data/train.csv    # CSV, JSON Lines or Parquet; a glob of shards works too
  eval: data/test.csv
  # reference: data/train.csv   # drift reference: a data file or a statistics.json
  # schema: schema.json         # write one with \`mlci schema infer --data data/train.csv\`
  drift:
    share: ${DEFAULT_DRIFT_SHARE}             # dataset drift when half of the columns drift
    blocking: false        # true: dataset drift fails validate-data

train:
  command: python train.py # any command; it must write the model below
  model: model.onnx
  # params: params.yaml    # passed to the command; override with \`mlci train --set key=value\`
  seed: 42                 # exported as MLCI_SEED and PYTHONHASHSEED
  timeout: 30m

evaluate:
  # slices: [region]       # metrics per value of these columns
  bootstrap:
    resamples: 1000        # paired bootstrap: is a change more than noise?
  gates:                   # metrics per task: docs/metrics.md
${STARTER_GATES[task]}

register:
  registry: .mlci/registry # or "github" for GitHub Releases
  aliases: [staging]

deploy:
  target: local            # local | server | kserve
  steps: [10, 50, 100]     # canary traffic percentages
  analysis:
    max_error_rate: 0.01
    max_p99_ratio: 1.5     # canary p99 at most 1.5 × stable
    max_divergence: 0.1    # Jensen–Shannon distance of predictions
    min_requests: 100
`;
}

// src/cli/commands/init.ts
function registerInit(program2) {
  const init = program2.command("init").summary("write a commented starter mlci.yml").option("--name <name>", "model name", "model").option(
    "--task <task>",
    `binary, multiclass or regression: decides the starter gates (default ${STARTER_TASK})`
  ).option("--file <file>", `where to write it (default: ${DEFAULT_CONFIG_FILES[0]})`).option("--force", "overwrite an existing file");
  withExamples(init, ["mlci init --name churn", "mlci init --name species --task multiclass"]);
  init.action(
    handle(async (options) => {
      const existing = options.file ? [] : existingDefaultConfigs();
      const file = options.file ?? existing[0] ?? DEFAULT_CONFIG_FILES[0];
      const text2 = starterConfig(options.name, parseTask(options.task, "--task"));
      try {
        parseConfig(text2, file);
      } catch {
        throw new InputError(
          `--name: got ${JSON.stringify(options.name)}, expected a model name: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 (model.name, docs/config.md)`
        );
      }
      const exists = await access(file).then(
        () => true,
        () => false
      );
      if ((exists || existing.length > 1) && !options.force) {
        throw new InputError(
          `${existing.length > 1 ? existing.join(" and ") : file} already exists; use --force to overwrite it`
        );
      }
      await writeFileAtomic(file, text2);
      process.stdout.write(`wrote ${file}
`);
    })
  );
}

// src/cli/commands/loadtest.ts
import { appendFile as appendFile2 } from "node:fs/promises";
function registerLoadTest(program2) {
  const command = program2.command("loadtest").summary("load-test a version against stable before it gets traffic").description(
    "Starts the candidate (and the stable version) in the serving stack of mlci serve, or uses --url, checks that it answers, drives both open-loop at a target rate with real request rows (latency from each scheduled send time, versions alternating in slices), and gates on max_p99_ms, min_rps, max_error_rate and max_p99_ratio_vs_stable. Writes loadtest.json and loadtest.md. Exit 0 pass, 1 an objective or check failed, 2 usage error."
  ).option("--model <name>", "model name (default model.name)").option("--version <vN>", "candidate version, started from the registry").option("--url <url>", "a running server to test instead of starting the candidate").option("--stable-url <url>", "with --url: a running server of the stable version to compare with").option("--production-url <url>", "production server whose observed rate × headroom sets the rate").option("--registry <dir>", 'registry directory, or "github" (default .mlci/registry)').option("--alias <alias>", "alias of the stable version (default production)").option("--rate <rps>", "target rate in requests per second (default deploy.load_test.rate)").option("--headroom <x>", "multiplier of production's observed rate (default 2)").option("--duration <duration>", "time each version is driven at the target rate (default 10s)").option("--ramp <fractions>", "fractions of the rate measured first, e.g. 0.25,0.5").option("--replay <file>", "request rows, CSV or JSONL (default deploy.replay, else the evaluation data)").option("--label <column>", "column of the rows to leave out (default model.label)").option("--max-p99-ms <ms>", "fail above this candidate p99").option("--min-rps <rps>", "fail when the candidate answers fewer requests per second").option("--max-error-rate <rate>", "fail above this candidate error rate (default 0.01)").option(
    "--max-p99-ratio <ratio>",
    "fail when the candidate's p99 exceeds ratio × stable's (default 1.5) …"
  ).option("--p99-slack-ms <ms>", "… and stable's + this many ms (default 2)");
  withExamples(withCommonOptions(command), [
    "mlci loadtest --version v4 --rate 200 --out out/loadtest",
    "mlci loadtest --url http://127.0.0.1:8081 --stable-url http://127.0.0.1:8080 --rate 500 --replay data/test.csv"
  ]);
  command.action(
    handle(async (options, { progress }) => {
      const configPath = options.config ?? "mlci.yml";
      const config = await loadOptionalConfig(configPath);
      const { buildLoadTestRequest } = await import("../chunks/loadtest-request-3MK7755J.js");
      const request = await buildLoadTestRequest(options, config, { configPath });
      const { runLoadTest } = await import("../chunks/loadtest-R7GVP5ZD.js");
      const result = await runLoadTest({ ...request, progress });
      const r = result.report;
      const text2 = [
        `load test ${r.model}${r.candidate.version ? `@v${r.candidate.version}` : ""}: ${r.verdict === "pass" ? "passed" : "failed"}`,
        `  ${r.summary}`,
        ...r.objectives.map((o) => `  ${o.passed ? "ok  " : "FAIL"} ${o.objective}: ${o.detail}`),
        ...r.infrastructure.map((c) => `  ${c.passed ? "ok  " : "FAIL"} ${c.name}: ${c.detail}`)
      ].join("\n");
      printResult(options, { ...r, files: result.files }, text2);
      const summary2 = process.env.GITHUB_STEP_SUMMARY;
      if (process.env.GITHUB_ACTIONS === "true" && summary2)
        await appendFile2(summary2, `${result.markdown}
`).catch(() => void 0);
      return result.exitCode;
    })
  );
}

// src/cli/commands/monitor.ts
async function githubTrigger(trigger, repoFlag, env) {
  const token = env.GITHUB_TOKEN ?? "";
  if (!token)
    throw new InputError(
      `--trigger ${trigger.kind} needs a token in GITHUB_TOKEN (actions: write for workflow_dispatch, contents: write for repository_dispatch); --dry-run decides without one`
    );
  const repository = repoFlag ?? env.GITHUB_REPOSITORY ?? "";
  const [owner, repo, extra] = repository.split("/");
  if (!owner || !repo || extra !== void 0)
    throw new InputError(
      `--trigger ${trigger.kind} needs the repository as owner/name: --repo or GITHUB_REPOSITORY (got "${repository}")`
    );
  const { createOctokit } = await import("../chunks/octokit-XYQDH4QU.js");
  const { githubDispatcher } = await import("../chunks/dispatch-CONJXWM6.js");
  const octokit = createOctokit({
    token,
    baseUrl: env.GITHUB_API_URL || "https://api.github.com",
    onRateLimit: (e) => process.stderr.write(
      `mlci: GitHub ${e.kind} rate limit on ${e.method} ${e.url}: ${e.willRetry ? `retrying in ${e.retryAfterSeconds} s` : "giving up"}
`
    )
  });
  return { ...trigger, dispatch: githubDispatcher(octokit, owner, repo) };
}
function runUrl(env) {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env;
  return server && repo && run ? `${server}/${repo}/actions/runs/${run}` : void 0;
}
function text(result) {
  const r = result.report;
  const t = r.trigger;
  const trigger = t.kind === "none" ? null : t.sent ? `trigger: ${t.kind} sent to ${t.target}` : t.error ? `trigger: ${t.kind} FAILED` : t.request ? `trigger: ${t.kind} decided, not sent (dry run)` : `trigger: ${t.kind} not sent (${t.note})`;
  return [
    `monitor: ${r.verdict.toUpperCase().replace("_", " ")} — ${r.reason}`,
    ...r.drifted_columns.length > 0 ? [`  drifted: ${r.drifted_columns.join(", ")}`] : [],
    ...(r.performance?.gates ?? []).filter((g) => g.status !== "pass").map(
      (g) => `  ${g.status === "fail" ? "failed " : "skipped"} ${g.metric} ${g.kind} ${g.threshold}: ${g.reason}`
    ),
    ...trigger ? [trigger] : [],
    ...result.files.length > 0 ? [`wrote ${result.files.join(", ")}`] : []
  ].join("\n");
}
function monitorCommand(program2) {
  const monitor = program2.command("monitor").summary("compare live data with the production model’s training data and trigger retraining").description(
    "Reads the prediction log of `mlci serve --log` (live and rotated files, rows of the production version) or a batch of production data, and tests it for drift against the statistics.json stored with the production version, with validate-data's tests and thresholds. With delayed labels (--labels joined by request id, or a label column in the batch) it computes the production metrics and gates them against the registered ones. When a threshold is crossed it triggers retraining by workflow_dispatch or repository_dispatch with the reason. Writes monitor.json, monitor.md and the validation files of the window.\n\nExit 0 when nothing crossed a threshold (or there were too few rows to judge), 1 on drift or degradation (whether or not a dispatch was sent), 2 on bad input or a dispatch GitHub refused (the report is written first).\n\nDefaults come from the monitor: section of mlci.yml (log, data, labels, label, id_column, since, min_rows, drift_share, max_metric_drop, trigger) and model.name, model.label, register.registry. GitHub: token in GITHUB_TOKEN, API in GITHUB_API_URL, repository from --repo or GITHUB_REPOSITORY."
  ).option("--model <name>", "model name in the registry (default: model.name of mlci.yml)").option(
    "--registry <dir>",
    'registry directory, or "github" for GitHub Releases (default .mlci/registry)'
  ).option("--alias <alias>", "alias of the watched version (default production)").option("--log <file>", "prediction log of mlci serve").option("--data <file>", "a batch of production data (file or glob) instead of the log").option("--labels <file>", "delayed labels (CSV, JSONL, Parquet) joined to logged rows by request id").option("--label <column>", "label column of the labels file or of the batch (default: model.label)").option("--id-column <column>", "request id column of the labels file (default request_id)").option("--since <when>", "logged rows since a duration ago (24h, 7d) or an ISO time").option("--all-versions", "read logged rows of every version, not only the watched one").option("--min-rows <n>", "fewest rows to judge on; fewer → insufficient_data, exit 0 (default 100)").option(
    "--drift-share <x>",
    `share of drifted columns that is dataset drift (default ${DEFAULT_DRIFT_SHARE})`
  ).option(
    "--gate <metric:kind=value>",
    "a metric gate vs the registered metrics, e.g. roc_auc:max_drop=0.05 (repeatable; replaces monitor.max_metric_drop)",
    collect
  ).option("--task <task>", "binary, multiclass or regression (default: model.task, else from the model)").addOption(
    new Option("--trigger <kind>", "how to trigger retraining").choices([
      "workflow_dispatch",
      "repository_dispatch",
      "none"
    ])
  ).option("--workflow <file>", "workflow to dispatch, e.g. retrain.yml").option("--ref <ref>", "git ref the workflow runs on (default main)").option("--event-type <type>", "repository_dispatch event type (default mlci-retrain)").option(
    "--data-version <version>",
    "sent as data_version (workflow input, or in the repository_dispatch payload)"
  ).option("--repo <owner/name>", "repository to dispatch to (default GITHUB_REPOSITORY)").option("--dry-run", "decide and report, but do not dispatch").option(
    "--metrics-file <file>",
    "also write the outcome as Prometheus text for node_exporter's textfile collector"
  ).option("--memory-limit <size>", "data engine memory limit, e.g. 1GB");
  withExamples(withCommonOptions(monitor), [
    "mlci monitor --model churn --log logs/predictions.jsonl --since 24h --out out/monitor",
    "mlci monitor --model churn --registry github --log logs/predictions.jsonl --labels labels.csv --label churned --trigger workflow_dispatch --workflow retrain.yml --out out/monitor",
    'mlci monitor --model churn --data "batches/2026-11-*.parquet" --label churned --trigger repository_dispatch --dry-run --json'
  ]);
  return monitor;
}
async function monitorAction(options, { progress }, command) {
  const config = await loadOptionalConfig(
    options.config,
    command.getOptionValueSource("config") === "cli"
  );
  const { buildMonitorRequest } = await import("../chunks/monitor-request-2LYTP7XG.js");
  const request = buildMonitorRequest(options, config);
  if (options.metricsFile) await checkOutputFile(options.metricsFile, "--metrics-file");
  const { writeMonitorMetrics } = await import("../chunks/prometheus-GH6F2HVJ.js");
  const env = process.env;
  let trigger = { ...request.trigger, reportUrl: runUrl(env) };
  if (trigger.kind !== "none" && !request.dryRun) trigger = await githubTrigger(trigger, options.repo, env);
  const { openRegistry } = await import("../chunks/register-RVVPUVIR.js");
  const registry = await openRegistry(request.registry);
  const { runMonitor, MonitorDispatchError } = await import("../chunks/monitor-B6WU4QEH.js");
  try {
    const result = await runMonitor({ ...request, registry, trigger, progress });
    await writeMonitorMetrics(options.metricsFile, result.report);
    printResult(options, result.report, text(result));
    return result.exitCode;
  } catch (error) {
    if (error instanceof MonitorDispatchError)
      await writeMonitorMetrics(options.metricsFile, error.result.report);
    if (error instanceof MonitorDispatchError) printResult(options, error.result.report, text(error.result));
    throw error;
  }
}
function registerMonitor(program2) {
  monitorCommand(program2).action(handle(monitorAction));
}

// src/cli/commands/pipeline.ts
function registerPipeline(program2) {
  const pipeline = program2.command("pipeline").summary("run the whole pipeline locally, as CI runs it").description(
    "Runs validate-data → train → evaluate → register → deploy-canary as mlci.yml configures them, with the same code the GitHub Actions run. Each stage writes into its own folder under --out (default .mlci/pipeline); pipeline.json and pipeline.md sum the run up. A failing stage stops the run (exit 1); bad input exits 2.\n\nThe training data is checked for drift against the statistics stored with the production version (else data.reference); the candidate is evaluated against production (a rubber stamp when there is none); a first version becomes production directly, later ones go through the canary.\n\nA pull request runs --until evaluate; the main branch runs everything."
  ).option("--dry-run", "check mlci.yml and print the stages without running them").option("--until <stage>", `last stage to run (${STAGES.join(", ")})`).option("--skip <stages>", "comma-separated stages not to run").option(
    "--registry <dir>",
    'registry directory or "github" (default: register.registry, else .mlci/registry)'
  ).option("--set <key=value>", "training parameter override (repeatable)", collect).option("--seed <n>", "training seed (default train.seed)").option("--force", "retrain even when the training cache holds the model");
  withExamples(withCommonOptions(pipeline, "folder for every output (default .mlci/pipeline)"), [
    "mlci pipeline --dry-run",
    "mlci pipeline --until evaluate --out out/pr",
    "mlci pipeline --out out/main",
    "mlci pipeline --skip deploy-canary --set learning_rate=0.05 --json"
  ]);
  pipeline.action(
    handle(async (options, { progress }) => {
      const configPath = configFileOr(options.config);
      const config = await loadConfig(configPath);
      const { buildPipelineRequest } = await import("../chunks/pipeline-request-W57OP5NB.js");
      const request = buildPipelineRequest(options, config, configPath);
      const { until, skip } = request;
      if (options.dryRun) {
        const stages = plannedStages(config).filter(
          (s) => !skip?.includes(s) && (!until || STAGES.indexOf(s) <= STAGES.indexOf(until))
        );
        printResult(
          options,
          { config: configPath, model: config.model, stages },
          `${configPath}: valid
model ${config.model.name} (${config.model.task})
stages: ${stages.join(" → ") || "(none configured)"}`
        );
        return 0;
      }
      const { runPipeline } = await import("../chunks/pipeline-2ZXKGLPU.js");
      const result = await runPipeline({
        ...request,
        progress,
        onOutput: (text3) => process.stderr.write(text3)
      });
      const text2 = [
        `mlci pipeline: ${result.verdict.toUpperCase()} in ${result.seconds} s`,
        ...result.stages.map((s) => `  ${s.stage.padEnd(14)} ${s.status.padEnd(8)} ${s.summary}`),
        `  production: ${result.production === null ? "none" : `v${result.production}`}`
      ].join("\n");
      printResult(options, { ...result, evaluationMarkdown: void 0 }, text2);
      return result.exitCode;
    })
  );
}

// src/cli/commands/registry/shared.ts
import { existsSync } from "node:fs";
var REGISTRY_HELP = 'registry directory, or "github" for GitHub Releases (default .mlci/registry)';
var registerStageModule = () => import("../chunks/register-RVVPUVIR.js");
async function registerConfig(options) {
  const path = configFileOr(options.config);
  if (!existsSync(path)) return {};
  return (await loadConfig(path)).register ?? {};
}
async function registryFor(options) {
  const spec = options.registry ?? (await registerConfig(options)).registry;
  return (await registerStageModule()).openRegistry(spec);
}
function parseVersion(text2) {
  const match = /^v?(\d+)$/.exec(text2);
  if (!match || Number(match[1]) < 1)
    throw new InputError(`version "${text2}" is not valid: expected vN or N, e.g. v3`);
  return Number(match[1]);
}
function versionAliases(aliases, version) {
  return Object.keys(aliases).filter((alias) => aliases[alias] === version).sort();
}
function describeMove(name, event) {
  const from = event.from === null ? "nothing" : `v${event.from}`;
  if (event.from === event.to) return `${name}@${event.alias} already points to v${event.to}`;
  const verb = event.kind === "rollback" ? "rolled back" : "moved";
  return `${name}@${event.alias} ${verb}: ${from} → v${event.to} (by ${event.by}${event.reason ? `: ${event.reason}` : ""})`;
}

// src/cli/commands/register.ts
function resultText(result) {
  const { version } = result;
  const kept = result.aliasesKept.map(
    (k) => `${version.name}@${k.alias} not moved (${k.version === null ? "not set" : `points to v${k.version}`}): nothing new was registered; use --move-aliases or mlci registry promote to move it`
  );
  const notStored = result.filesNotStored.map(
    (file) => version.assets.includes(file) ? `${file} differs from the one stored with ${version.tag}: the stored one is kept (versions are immutable)` : `${file} was not stored: ${version.tag} is already registered; add it with mlci registry attach ${version.name} v${version.version} ${file === "statistics.json" ? "--statistics" : "--file"} FILE`
  );
  return [
    result.registered ? `registered ${version.tag} (sha256 ${version.sha256})` : `${version.tag} is already registered with the same sha256 ${version.sha256}: nothing new registered`,
    ...result.aliasEvents.map((e) => describeMove(version.name, e)),
    ...kept,
    ...notStored
  ].join("\n");
}
function registerRegister(program2) {
  const register = program2.command("register").summary("publish a model as the next immutable version").description(
    "Registers a model that passed its gates as the next version <name>@v<N> with its sha256, metrics, data statistics and lineage. Registering the same model again returns the same version and changes nothing (aliases included, unless --move-aliases)."
  ).option("--model <file>", "model to register (ONNX)").option("--name <name>", "model name").option("--evaluation <file>", "evaluation.json whose verdict admits the model").option("--statistics <file>", "statistics.json of the training data (default: beside the model)").option("--training <file>", "training.json with the lineage (default: beside the model)").option("--registry <dir>", REGISTRY_HELP).option("--alias <alias>", "move this alias to the version (repeatable)", collect).option("--move-aliases", "also move the aliases when the model is already registered").option("--force", "register even though the verdict is fail (recorded)").option("--reason <text>", "why a failed model is forced in (required with --force)");
  withExamples(withCommonOptions(register), [
    "mlci register --model model.onnx --name churn --evaluation out/eval/evaluation.json",
    "mlci register --model model.onnx --name churn --registry github --json",
    'mlci register --model model.onnx --name churn --evaluation eval.json --force --reason "hotfix, see #42"'
  ]);
  register.action(
    handle(async (options, { progress }) => {
      const config = await loadOptionalConfig(options.config);
      const request = buildRegisterRequest({ ...options, aliases: options.alias }, config);
      const stage = await registerStageModule();
      const result = await stage.registerStage(
        request.stage,
        await stage.openRegistry(request.registry),
        progress
      );
      const { version } = result;
      printResult(
        options,
        {
          name: version.name,
          version: version.version,
          tag: version.tag,
          sha256: version.sha256,
          created: version.created,
          registered: result.registered,
          verdict: version.verdict,
          ...version.forced ? { forced: version.forced } : {},
          aliases: result.aliasEvents.map((e) => e.alias),
          aliasesKept: result.aliasesKept,
          filesNotStored: result.filesNotStored,
          registry: request.registry ?? ".mlci/registry"
        },
        resultText(result)
      );
    })
  );
}

// src/cli/commands/registry/attach.ts
function addAttachCommand(registry) {
  const attach = registry.command("attach").description(
    "Adds files to a registered version (for example the statistics mlci monitor needs) without changing its model or sha256. Each addition is recorded (who, when, sha256); a file the version already has is refused unless --force replaces it (also recorded)."
  ).argument("<name>", "model name").argument("<version>", "version, e.g. v3").option("--statistics <file>", "statistics.json of the training data (from mlci validate-data)").option(
    "--file <file>",
    "another file to store with the version, under its base name (repeatable)",
    collect
  ).option("--force", "replace a file the version already has (recorded)").option("--registry <dir>", REGISTRY_HELP);
  withExamples(withCommonOptions(attach), [
    "mlci registry attach churn v3 --statistics out/statistics.json",
    "mlci registry attach churn v3 --file docs/datasheet.md --registry github"
  ]);
  attach.action(
    handle(async (options, _context, command) => {
      const [name, versionText] = command.args;
      const version = parseVersion(versionText);
      const { attachStage } = await import("../chunks/attach-HL27P4ST.js");
      const stageOptions = {
        name,
        version,
        statistics: options.statistics,
        files: options.file,
        force: options.force,
        by: currentUser()
      };
      const result = await attachStage(stageOptions, await registryFor(options));
      const tag = result.version.tag;
      const lines = [
        ...result.attached.map((f) => `attached ${f} to ${tag} (sha256 ${result.version.checksums?.[f]})`),
        ...result.unchanged.map((f) => `${tag} already has ${f} with the same bytes: unchanged`)
      ];
      printResult(
        options,
        {
          name,
          version,
          tag,
          attached: result.attached,
          unchanged: result.unchanged,
          assets: result.version.assets
        },
        lines.join("\n")
      );
    })
  );
}

// src/registry/types.ts
function parseModelRef(text2) {
  const at = text2.indexOf("@");
  const name = at < 0 ? text2 : text2.slice(0, at);
  const qualifier = at < 0 ? "" : text2.slice(at + 1);
  if (!qualifier) return { name };
  const version = /^v(\d+)$/.exec(qualifier);
  return version ? { name, version: Number(version[1]) } : { name, alias: qualifier };
}
function formatModelRef(ref) {
  if (ref.version !== void 0) return `${ref.name}@v${ref.version}`;
  return ref.alias ? `${ref.name}@${ref.alias}` : ref.name;
}

// src/cli/commands/registry/list.ts
async function listModels(options, store) {
  const models = [];
  for (const model of await store.models()) {
    const versions = await store.list(model);
    models.push({
      name: model,
      latest: versions[versions.length - 1]?.version ?? null,
      versions: versions.length,
      aliases: await store.aliases(model)
    });
  }
  const text2 = models.length ? models.map(
    (m) => `${m.name}  latest v${m.latest}  ${m.versions} version(s)  ${Object.entries(m.aliases).map(([a, v]) => `@${a}=v${v}`).join(" ")}`
  ).join("\n") : "no models registered";
  printResult(options, { models }, text2);
}
async function listVersions(options, store, name) {
  const ref = parseModelRef(name);
  const versions = await store.list(ref.name);
  const aliases = await store.aliases(ref.name);
  const rows = versions.map((v) => ({ ...v, aliases: versionAliases(aliases, v.version) }));
  const text2 = rows.length ? rows.map(
    (v) => `v${v.version}  ${v.created}  ${v.verdict.padEnd(7)} ${v.sha256.slice(0, 12)}  ${v.aliases.map((a) => `@${a}`).join(" ")}`.trimEnd()
  ).join("\n") : `no versions of ${ref.name}`;
  printResult(options, { name: ref.name, versions: rows, aliases }, text2);
}
function addListCommand(registry) {
  const list = registry.command("list").description("Lists the models, or the versions of one model with their aliases.").argument("[name]", "model name").option("--registry <dir>", REGISTRY_HELP);
  withExamples(withCommonOptions(list), ["mlci registry list", "mlci registry list churn --json"]);
  list.action(
    handle(async (options, _context, command) => {
      const name = command.args[0];
      const store = await registryFor(options);
      await (name ? listVersions(options, store, name) : listModels(options, store));
    })
  );
}

// src/cli/commands/registry/promote.ts
function addPromoteCommand(registry) {
  const promote = registry.command("promote").description("Moves an alias to a version, recording who and why.").argument("<name>", "model name").argument("<version>", "version, e.g. v3").option("--alias <alias>", "alias to move", PRODUCTION_ALIAS).option("--reason <text>", "why (recorded)").option("--registry <dir>", REGISTRY_HELP);
  withExamples(withCommonOptions(promote), ["mlci registry promote churn v3 --alias production"]);
  promote.action(
    handle(async (options, _context, command) => {
      const [name, versionText] = command.args;
      const version = parseVersion(versionText);
      const store = await registryFor(options);
      const event = await store.promote(
        name,
        version,
        options.alias ?? PRODUCTION_ALIAS,
        currentUser(),
        options.reason
      );
      printResult(options, { name, ...event }, describeMove(name, event));
    })
  );
}

// src/cli/commands/registry/rollback.ts
function addRollbackCommand(registry) {
  const rollback = registry.command("rollback").description("Moves an alias back to the version it pointed to before, recording who and why.").argument("<name>", "model name").option("--alias <alias>", "alias to move back", PRODUCTION_ALIAS).option("--reason <text>", "why (recorded)").option("--registry <dir>", REGISTRY_HELP);
  withExamples(withCommonOptions(rollback), [
    'mlci registry rollback churn --alias production --reason "p99 regression"'
  ]);
  rollback.action(
    handle(async (options, _context, command) => {
      const name = command.args[0];
      const store = await registryFor(options);
      const event = await store.rollback(
        name,
        options.alias ?? PRODUCTION_ALIAS,
        currentUser(),
        options.reason
      );
      printResult(options, { name, ...event }, describeMove(name, event));
    })
  );
}

// src/cli/commands/registry/show.ts
function lineageLines(version) {
  const { lineage } = version;
  const lines = ["  lineage"];
  lines.push(
    `    commit     ${lineage.commit ?? "(unknown)"}${lineage.dirty ? " (uncommitted changes)" : ""}`
  );
  lines.push(`    run        ${lineage.runUrl ?? "(none)"}`);
  if (lineage.trainingRecord) lines.push(`    training   ${lineage.trainingRecord}`);
  for (const [file, hash] of Object.entries(lineage.dataHashes ?? {}))
    lines.push(`    data       ${file}  sha256 ${hash}`);
  for (const [key, value] of Object.entries(lineage.params ?? {})) {
    lines.push(`    param      ${key} = ${typeof value === "string" ? value : JSON.stringify(value)}`);
  }
  return lines;
}
function fileLines(version) {
  const lines = ["  files"];
  for (const asset of version.assets) {
    lines.push(
      `    ${asset.padEnd(18)} ${version.checksums?.[asset] ?? (asset === "model.onnx" ? version.sha256 : "")}`
    );
  }
  if (version.attachments?.length) {
    lines.push("  attached");
    for (const a of version.attachments) {
      const replaced = a.replaced ? ` (replaced sha256 ${a.replaced})` : "";
      lines.push(`    ${a.at}  ${a.file} by ${a.by}${replaced}`);
    }
  }
  return lines;
}
function showText(version, aliases, history) {
  const lines = [
    `${version.tag}${aliases.length ? `  (${aliases.map((a) => `@${a}`).join(", ")})` : ""}`,
    `  sha256      ${version.sha256}`,
    `  size        ${version.size} bytes`,
    `  created     ${version.created}${version.registeredBy ? ` by ${version.registeredBy}` : ""}`,
    `  verdict     ${version.verdict}${version.rubberStamp ? " (rubber stamp, no baseline)" : ""}`
  ];
  if (version.forced) lines.push(`  forced      by ${version.forced.by}: ${version.forced.reason}`);
  const metrics = Object.entries(version.metrics);
  if (metrics.length) {
    lines.push("  metrics");
    for (const [metric, value] of metrics)
      lines.push(`    ${metric.padEnd(20)} ${value === null ? "null" : value}`);
  }
  lines.push(...lineageLines(version), ...fileLines(version));
  const moves = history.filter((e) => e.to === version.version || e.from === version.version);
  if (moves.length) {
    lines.push("  alias moves");
    for (const event of moves) lines.push(`    ${event.at}  ${describeMove(version.name, event)}`);
  }
  return lines.join("\n");
}
function addShowCommand(registry) {
  const show = registry.command("show").description("Shows one version's record: sha256, metrics, verdict, full lineage, files and alias moves.").argument("<name>", "model name, optionally @alias or @vN").option("--registry <dir>", REGISTRY_HELP);
  withExamples(withCommonOptions(show), [
    "mlci registry show churn@production",
    "mlci registry show churn@v3 --json"
  ]);
  show.action(
    handle(async (options, _context, command) => {
      const ref = parseModelRef(command.args[0]);
      const store = await registryFor(options);
      const version = await store.resolve(ref);
      if (!version) throw new InputError(`${formatModelRef(ref)} is not in the registry`);
      const aliases = versionAliases(await store.aliases(ref.name), version.version);
      const history = await store.history(ref.name);
      printResult(
        options,
        { ...version, aliases, aliasHistory: history },
        showText(version, aliases, history)
      );
    })
  );
}

// src/cli/commands/registry.ts
function registerRegistry(program2) {
  const registry = program2.command("registry").description("list, inspect, promote, roll back model versions and attach files to them");
  addListCommand(registry);
  addShowCommand(registry);
  addPromoteCommand(registry);
  addRollbackCommand(registry);
  addAttachCommand(registry);
}

// src/cli/commands/report.ts
import { dirname } from "node:path";
function registerReport(program2) {
  const report = program2.command("report").summary("build a self-contained report.html from evaluation.json and validation.json").description(
    'Builds one self-contained HTML file (no network needed to view it) with the verdict, the metric table against the baseline, ROC and precision–recall curves, calibration, confusion matrices, per-slice bars and every column’s reference vs current distribution with its drift test. Either input may be left out; the parts it would fill say "not available". The reference distributions come from reference-statistics.json beside validation.json (validate-data writes it whenever the run had a reference) unless --reference-statistics names another file. --out defaults to the folder of the first input.'
  ).option("--evaluation <file>", "evaluation.json from mlci evaluate").option("--validation <file>", "validation.json from mlci validate-data").option("--loadtest <file>", "loadtest.json from mlci loadtest or deploy-canary (latency-vs-rate chart)").option(
    "--reference-statistics <file>",
    "statistics.json of the drift reference (default: reference-statistics.json beside validation.json)"
  );
  withExamples(withCommonOptions(report, "directory to write report.html into"), [
    "mlci report --evaluation out/evaluation.json --validation out/validation.json --out out/",
    "mlci report --validation out/validation/validation.json --reference-statistics stats/train-statistics.json"
  ]);
  report.action(
    handle(async (options, { progress }) => {
      if (!options.evaluation && !options.validation && !options.loadtest)
        throw new InputError("report needs --evaluation FILE, --validation FILE or --loadtest FILE");
      const evaluation = options.evaluation ? await readJsonInput(options.evaluation, "evaluation.json", "candidate") : void 0;
      if (options.referenceStatistics && !options.validation)
        throw new InputError("--reference-statistics needs --validation: it only adds to the data section");
      const files = options.validation ? await readValidationFiles(options.validation, options.referenceStatistics) : void 0;
      const loadtest = options.loadtest ? await readJsonInput(options.loadtest, "loadtest.json", "points") : void 0;
      const out = options.out ?? dirname(options.evaluation ?? options.validation ?? options.loadtest);
      const { writeReport } = await import("../chunks/html-RP3TAJ2D.js");
      const result = await writeReport(
        {
          evaluation,
          validation: files?.validation,
          referenceStatistics: files?.referenceStatistics,
          currentStatistics: files?.currentStatistics,
          loadtest,
          sources: {
            evaluation: options.evaluation,
            validation: options.validation,
            referenceStatistics: files?.referenceStatisticsPath,
            currentStatistics: files?.currentStatisticsPath,
            loadtest: options.loadtest
          },
          progress
        },
        out
      );
      const kib = (result.bytes / 1024).toFixed(0);
      const missing = result.unavailable.length > 0 ? `
not available: ${result.unavailable.join(", ")}` : "";
      printResult(
        options,
        { path: result.path, bytes: result.bytes, charts: result.charts, unavailable: result.unavailable },
        `wrote ${result.path} (${kib} KiB, ${result.charts} charts)${missing}`
      );
    })
  );
}

// src/cli/commands/source-flags.ts
function parseFormat2(text2) {
  return parseFormat(text2, "--format");
}
function parseDelimiter2(text2) {
  return parseDelimiter(text2, "--delimiter");
}

// src/cli/commands/schema.ts
function registerSchema(program2) {
  const schema = program2.command("schema").description("infer a schema from data");
  const infer = schema.command("infer").description(
    `Writes a JSON Schema (draft 2020-12) for one row, with per-column extras as TFDV infers them: type, nullability (x-mlci-min-present 1 where always present), a categorical domain (enum) when at most ${MAX_DOMAIN} distinct values each seen in at least ${MIN_DOMAIN_COUNT} rows, else a string pattern. Observed ranges and lengths are recorded but not checked (x-mlci-observed-*), so held-out data of the same source passes; --ranges checks them (docs/schema.md). Commit it and edit it.`
  ).option("--data <file>", "data to infer from").option("--label <column>", "label column (treated as categorical)").option("--format <format>", "csv, jsonl or parquet (default: from the extension)").option("--delimiter <char>", "CSV delimiter (default: detected from the header)").option("--ranges", "check the observed numeric ranges and text lengths (fails data outside them)").option("--json", "print the schema on stdout").option("--out <file>", "where to write the schema", "schema.json");
  withExamples(infer, [
    "mlci schema infer --data data/train.csv --out schema.json",
    'mlci schema infer --data "shards/*.parquet" --label churned --json'
  ]);
  infer.action(
    handle(async (options) => {
      if (!options.data) throw new InputError("--data is required");
      const { inferSchemaFile } = await import("../chunks/validate-data-7K2WI4WO.js");
      const schemaValue = await inferSchemaFile({
        data: options.data,
        out: options.out,
        label: options.label,
        ranges: options.ranges === true,
        config: {
          ...options.format ? { format: parseFormat2(options.format) } : {},
          ...options.delimiter ? { delimiter: parseDelimiter2(options.delimiter) } : {}
        }
      });
      printResult(
        options,
        schemaValue,
        `wrote ${options.out} (${Object.keys(schemaValue.properties).length} columns)`
      );
    })
  );
}

// src/cli/commands/serve.ts
function registerServe(program2) {
  const serve = program2.command("serve").summary("serve a registered model over the Open Inference Protocol").description(
    "Starts an HTTP model server (KServe v2 REST: /v2/health/live, /v2/health/ready, /v2/models/{name}, /v2/models/{name}/infer; plain JSON rows on /v1/models/{name}:predict) with Prometheus metrics on /metrics and an admin API (/admin/*, bearer token) for canary rollouts. SIGTERM or SIGINT drains in-flight requests, then exits."
  ).option("--registry <dir>", 'registry directory, or "github" (default .mlci/registry)').option("--model <ref>", "model: NAME, NAME@ALIAS or NAME@vN (default <model.name>@production)").option("--port <port>", "port to listen on", "8080").option("--host <host>", "address to listen on (0.0.0.0 in a container)", "127.0.0.1").option(
    "--admin-token <token>",
    "bearer token of the admin API (default $MLCI_ADMIN_TOKEN; none disables it)"
  ).option("--max-body <bytes>", "largest request body", String(1024 * 1024)).option("--max-rows <n>", "most rows per request", "10000").option("--log <file>", "sampled JSONL prediction log (see docs/prediction-log.md)").option("--log-sample <rate>", "share of requests logged, 0..1", "0.1").option("--log-max-bytes <bytes>", "rotate the log beyond this size", String(64 * 1024 * 1024)).option("--features <names>", "comma-separated column order of a matrix model without feature_names").option("--task <task>", "binary, multiclass or regression (default: guessed from the outputs)").option(
    "--threshold <p>",
    "binary decision threshold: positive when p(positive class: 1, else the greater label) > p"
  ).option(
    "--watch <duration>",
    "served by alias: check the registry this often for the alias moving (0: never)",
    "30s"
  ).option(
    "--config <file>",
    `config file to read the model name from (default: ${DEFAULT_CONFIG_FILES.join(" or ")})`
  );
  withExamples(serve, [
    "mlci serve --model churn@production --port 8080",
    "MLCI_ADMIN_TOKEN=secret mlci serve --model churn@v3 --host 0.0.0.0 --log logs/predictions.jsonl"
  ]);
  serve.action(
    handle(async (options, { progress }) => {
      const config = await loadOptionalConfig(options.config);
      const ref = parseModelRef(options.model ?? config?.model.name ?? "");
      if (!ref.name)
        throw new InputError(
          "--model is required (NAME, NAME@ALIAS or NAME@vN), or a mlci.yml with model.name"
        );
      if (!ref.alias && ref.version === void 0) ref.alias = PRODUCTION_ALIAS;
      const { ModelServer } = await import("../chunks/server-PVIYFJ6F.js");
      const logSample = parseProbability(options.logSample, "--log-sample");
      const logMaxBytes = parseInteger(options.logMaxBytes, "--log-max-bytes", { min: 1024 });
      const { registrySource } = await import("../chunks/source-TSMH7A4R.js");
      const { openRegistry } = await registerStageModule();
      const registry = await openRegistry(options.registry ?? config?.register?.registry);
      const server = await ModelServer.start({
        model: ref,
        source: registrySource(registry),
        host: options.host,
        port: parseInteger(options.port, "--port", { min: 0, max: 65535 }),
        adminToken: options.adminToken ?? process.env.MLCI_ADMIN_TOKEN,
        maxBodyBytes: parseInteger(options.maxBody, "--max-body", { min: 1 }),
        maxRows: parseInteger(options.maxRows, "--max-rows", { min: 1 }),
        features: options.features?.split(",").map((s) => s.trim()) ?? config?.model.features,
        task: options.task ?? config?.model.task,
        threshold: options.threshold === void 0 ? config?.model.threshold : parseProbability(options.threshold, "--threshold"),
        watchIntervalMs: watchInterval(options.watch),
        onAliasMove: (line) => progress.info(line),
        log: options.log ? {
          path: options.log,
          sampleRate: logSample,
          maxBytes: logMaxBytes
        } : void 0
      });
      const state = server.state();
      progress.info(
        `serving ${state.model}@v${state.stable.version} on ${server.url} (admin API ${options.adminToken ?? process.env.MLCI_ADMIN_TOKEN ? "on" : "off"})`
      );
      await new Promise((resolve2) => {
        const stop = (signal) => {
          progress.info(`${signal}: draining in-flight requests`);
          process.off("SIGTERM", onTerm);
          process.off("SIGINT", onInt);
          void server.close().then(resolve2);
        };
        const onTerm = () => stop("SIGTERM");
        const onInt = () => stop("SIGINT");
        process.on("SIGTERM", onTerm);
        process.on("SIGINT", onInt);
      });
    })
  );
}
function watchInterval(text2) {
  if (text2.trim() === "0") return 0;
  return durationMs(/^\d+(\.\d+)?$/.test(text2) ? Number(text2) : text2, "--watch");
}

// src/cli/commands/stats.ts
function registerStats(program2) {
  const stats = program2.command("stats").description("work with statistics.json files");
  const merge = stats.command("merge").description(
    "Combines the statistics of shards (one per matrix job) into what one pass would give: exact counts, sums, min/max, mean and variance, value counts and histograms over shared bins; quantiles and distinct counts from mergeable sketches with a stated error bound. A column a shard lacks counts as missing there; malformed shards and a file given twice are refused (see docs/sharded-validation.md)."
  ).argument("<files...>", "statistics.json files of the shards").option("--json", "print the merged statistics on stdout").option("--out <file>", "where to write the merged statistics", "statistics.json");
  withExamples(merge, ["mlci stats merge shard-*/statistics.json --out statistics.json"]);
  merge.action(
    handle(async (options, _context, command) => {
      const { mergeStatisticsFiles } = await import("../chunks/merge-ENZIHXET.js");
      const files = command.args;
      const merged = await mergeStatisticsFiles(files, options.out);
      printResult(options, merged, `merged ${files.length} files: ${merged.rows} rows → ${options.out}`);
    })
  );
}

// src/cli/commands/train.ts
import { readFile, stat } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
function registerTrain(program2) {
  const train = program2.command("train").summary("run the training command reproducibly and record its lineage").description(
    'Runs the training command of mlci.yml (any language) with a fixed seed, captures its output, timings and reported losses, checks the ONNX model it writes, and records training.json (commit, params, data hashes, runtime). A content-addressed cache skips retraining when nothing changed. Exit 1 when a check fails (no model, rising or NaN loss, signature mismatch).\n\nThe command gets MLCI_SEED, PYTHONHASHSEED, MLCI_PARAMS (resolved params JSON), MLCI_MODEL_PATH and MLCI_METRICS_PATH (append {"step": n, "loss": x} lines); see docs/training-convention.md.'
  ).option("--command <cmd>", "training command (overrides train.command)").option("--set <key=value...>", "override a param").option("--seed <n>", "seed exported as MLCI_SEED and PYTHONHASHSEED").option("--timeout <duration>", "stop the whole process tree after this long (e.g. 90s, 30m)").option("--force", "retrain even on a cache hit").option("--check-reproducible", "train twice and compare the models").option("--tolerance <x>", "largest prediction difference --check-reproducible accepts").option("--production-model <file>", "ONNX model whose inputs and outputs the new model must keep").option("--print-cache-key", "print the cache key of this run and exit (for actions/cache)");
  withExamples(withCommonOptions(train, "directory for model.onnx and training.json (default .mlci/train)"), [
    "mlci train --out out/train",
    "mlci train --set learning_rate=0.05 --set epochs=20 --force",
    "mlci train --check-reproducible",
    'mlci train --command "python train.py" --timeout 30m',
    "mlci train --print-cache-key"
  ]);
  train.action(
    handle(async (options, { progress }) => {
      const { config, path } = await configFor(options);
      const { buildTrainRequest } = await import("../chunks/train-request-GFVKK4GN.js");
      const stageOptions = {
        ...buildTrainRequest(options, config, { configPath: path }),
        progress,
        // The command's own output goes to stderr so that stdout stays clean for --json.
        onOutput: (text2) => process.stderr.write(text2)
      };
      const { trainCacheKey, trainStage } = await import("../chunks/train-2MOTHC4E.js");
      if (options.printCacheKey) {
        const key = await trainCacheKey(stageOptions);
        printResult(options, key, key.key);
        return 0;
      }
      let result;
      try {
        result = await trainStage(stageOptions);
      } catch (error) {
        if (options.json && error instanceof CheckFailedError)
          await printFailedRecord(options, stageOptions, error);
        throw error;
      }
      printResult(
        options,
        {
          status: result.record.status,
          cache_hit: result.cacheHit,
          model: result.modelPath,
          training_record: result.recordPath,
          record: result.record
        },
        summary(result.record, shownPath(result.modelPath), result.cacheHit)
      );
      return 0;
    })
  );
}
async function configFor(options) {
  const file = configFileOr(options.config);
  const path = resolve(file);
  let exists = true;
  try {
    await stat(path);
  } catch {
    exists = false;
  }
  if (!exists && options.command && options.config === void 0) return { config: null, path };
  return { config: await loadConfig(file), path };
}
async function printFailedRecord(options, stageOptions, error) {
  const out = stageOptions.out ? resolve(stageOptions.out) : join(stageOptions.root, ".mlci", "train");
  let record;
  try {
    record = JSON.parse(await readFile(join(out, "training.json"), "utf8"));
  } catch {
    record = null;
  }
  printResult(options, { status: "fail", error: error.message, record }, "");
}
function shownPath(path) {
  const rel = relative(process.cwd(), path);
  return rel === "" || rel.startsWith("..") ? path : rel;
}
function summary(record, modelPath, cacheHit) {
  const lines = [];
  const model = record.model;
  lines.push(
    `mlci train: ${record.status}${cacheHit ? " (cache hit: restored without retraining)" : ""} · ${modelPath}` + (model ? ` · sha256 ${model.sha256.slice(0, 12)} · ${formatBytes(model.bytes)}` : "")
  );
  const p = record.process;
  if (p) {
    const cpu = p.cpu_user_seconds !== null ? `, ${round(p.cpu_user_seconds + (p.cpu_system_seconds ?? 0))} s CPU` : "";
    const memory = p.peak_rss_bytes ? `, peak ${formatBytes(p.peak_rss_bytes)} RSS` : "";
    lines.push(`  run: ${p.wall_seconds} s wall${cpu}${memory}${cacheHit ? " (the stored run)" : ""}`);
  }
  const curve = record.metrics.loss_curve.filter((point) => point.loss !== null);
  if (curve.length >= 2) {
    lines.push(
      `  loss: ${round(curve[0].loss)} → ${round(curve[curve.length - 1].loss)} over ${record.metrics.loss_points} steps`
    );
  }
  lines.push(
    `  checks: ${record.checks.map((c) => `${c.name} ${c.status === "pass" ? "✓" : c.status === "fail" ? "✗" : "–"}`).join(", ")}`
  );
  if (record.reproducibility) lines.push(`  reproducible: ${record.reproducibility.detail}`);
  lines.push(`  cache: ${record.cache.key ? `${record.cache.key.slice(0, 12)}… ` : ""}${record.cache.note}`);
  return lines.join("\n");
}
function round(value) {
  return Number(value.toPrecision(4));
}
function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} kB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

// src/cli/commands/validate-data.ts
function explicitConfig(command) {
  return command.getOptionValueSource("config") === "cli";
}
function registerValidateData(program2) {
  const validate = program2.command("validate-data").summary("check data against a schema, find anomalies and drift against a reference").description(
    "Profiles a data file (CSV, JSON Lines, Parquet, or a glob of shards), checks it against a schema, reports anomalies with TFDV-style codes and tests every column for drift against a reference (a data file or a stored statistics.json). Writes validation.json, statistics.json and validation.md. Exit 0 when nothing blocks, 1 on blocking anomalies or drift, 2 on bad input.\n\nDefaults come from the data: section of mlci.yml when it exists (data.eval or data.train, data.reference, data.schema, model.label)."
  ).option("--data <file>", "data to validate (file or glob)").option("--reference <file>", "reference data or statistics.json for drift").option("--schema <file>", "schema.json from `mlci schema infer`").option("--label <column>", "label column (its distribution is reported)").option("--train <file>", "training data, to detect train/test overlap (leakage)").option("--format <format>", "csv, jsonl or parquet (default: from the extension)").option("--delimiter <char>", "CSV delimiter (default: detected from the header)").option(
    "--memory-limit <size>",
    "engine memory limit, e.g. 1GB (default: MLCI_MEMORY_LIMIT, else 500MB, 450MB with a raw reference); the engine spills to disk past it"
  );
  withExamples(withCommonOptions(validate), [
    "mlci validate-data --data data/new.csv --reference data/train.csv --out out/validation",
    'mlci validate-data --data "shards/*.parquet" --reference stats/statistics.json --schema schema.json --json',
    "mlci validate-data --data data/test.csv --train data/train.csv --label churned --out out/"
  ]);
  validate.action(
    handle(async (options, { progress }, command) => {
      const { validateData } = await import("../chunks/validate-data-7K2WI4WO.js");
      const { buildValidateDataRequest } = await import("../chunks/validate-data-request-TLBRPZNT.js");
      const config = await loadOptionalConfig(options.config, explicitConfig(command));
      const result = await validateData({ ...buildValidateDataRequest(options, config), progress });
      const r = result.report;
      const text2 = [
        `validate-data: ${r.verdict.toUpperCase()} — ${r.data.rows} rows, ${r.summary.errors} errors, ${r.summary.warnings} warnings` + (r.dataset_drift ? `, drift in ${r.dataset_drift.drifted}/${r.dataset_drift.tested} columns` : ""),
        ...r.anomalies.slice(0, 20).map(
          (a) => `  ${a.severity === "error" ? "error  " : "warning"} ${a.code}${a.column ? ` [${a.column}]` : ""}: ${a.message}`
        ),
        ...r.anomalies.length > 20 ? [`  … ${r.anomalies.length - 20} more in validation.json`] : [],
        ...result.files.length > 0 ? [`wrote ${result.files.join(", ")}`] : []
      ].join("\n");
      printResult(options, r, text2);
      return result.exitCode;
    })
  );
}

// src/cli/program.ts
function buildProgram() {
  const program2 = new Command("mlci").version(MLCI_VERSION).description(
    "ML CI/CD on GitHub Actions and on your laptop: validate data, train reproducibly, evaluate against production, register versions and roll them out as canaries.\n\nExit codes: 0 pass · 1 a check ran and failed · 2 usage or input error."
  ).showSuggestionAfterError(true).enablePositionalOptions().exitOverride().configureOutput({ outputError: (text2, write) => write(`mlci: ${text2.replace(/^error: /, "")}`) });
  registerInit(program2);
  registerValidateData(program2);
  registerSchema(program2);
  registerStats(program2);
  registerTrain(program2);
  registerEvaluate(program2);
  registerRegister(program2);
  registerRegistry(program2);
  registerServe(program2);
  registerLoadTest(program2);
  registerDeployCanary(program2);
  registerPipeline(program2);
  registerMonitor(program2);
  registerReport(program2);
  program2.addHelpText(
    "after",
    "\nGet started:\n  $ mlci init --name churn\n  $ mlci validate-data --data data/train.csv --out out/\n  $ mlci pipeline\n"
  );
  applyToAll(program2, (command) => command.exitOverride());
  return program2;
}
function applyToAll(command, apply) {
  apply(command);
  for (const sub of command.commands) applyToAll(sub, apply);
}

// src/cli/index.ts
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});
exitWhenIdle();
buildProgram().parseAsync(process.argv).catch(reportFailure);
