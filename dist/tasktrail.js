var __import_meta_url = require('node:url').pathToFileURL(__filename).href;
"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
  return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// node_modules/better-sqlite3/lib/util.js
var require_util = __commonJS({
  "node_modules/better-sqlite3/lib/util.js"(exports2) {
    "use strict";
    exports2.getBooleanOption = (options, key) => {
      let value = false;
      if (key in options && typeof (value = options[key]) !== "boolean") {
        throw new TypeError(`Expected the "${key}" option to be a boolean`);
      }
      return value;
    };
    exports2.cppdb = Symbol();
    exports2.inspect = Symbol.for("nodejs.util.inspect.custom");
  }
});

// node_modules/better-sqlite3/lib/sqlite-error.js
var require_sqlite_error = __commonJS({
  "node_modules/better-sqlite3/lib/sqlite-error.js"(exports2, module2) {
    "use strict";
    var descriptor = { value: "SqliteError", writable: true, enumerable: false, configurable: true };
    function SqliteError(message, code) {
      if (new.target !== SqliteError) {
        return new SqliteError(message, code);
      }
      if (typeof code !== "string") {
        throw new TypeError("Expected second argument to be a string");
      }
      Error.call(this, message);
      descriptor.value = "" + message;
      Object.defineProperty(this, "message", descriptor);
      Error.captureStackTrace(this, SqliteError);
      this.code = code;
    }
    Object.setPrototypeOf(SqliteError, Error);
    Object.setPrototypeOf(SqliteError.prototype, Error.prototype);
    Object.defineProperty(SqliteError.prototype, "name", descriptor);
    module2.exports = SqliteError;
  }
});

// node_modules/better-sqlite3/lib/methods/wrappers.js
var require_wrappers = __commonJS({
  "node_modules/better-sqlite3/lib/methods/wrappers.js"(exports2) {
    "use strict";
    var { cppdb } = require_util();
    exports2.prepare = function prepare(sql) {
      return this[cppdb].prepare(sql, this, false);
    };
    exports2.exec = function exec(sql) {
      this[cppdb].exec(sql);
      return this;
    };
    exports2.close = function close() {
      this[cppdb].close();
      return this;
    };
    exports2.loadExtension = function loadExtension(...args) {
      this[cppdb].loadExtension(...args);
      return this;
    };
    exports2.defaultSafeIntegers = function defaultSafeIntegers(...args) {
      this[cppdb].defaultSafeIntegers(...args);
      return this;
    };
    exports2.unsafeMode = function unsafeMode(...args) {
      this[cppdb].unsafeMode(...args);
      return this;
    };
    exports2.getters = {
      name: {
        get: function name() {
          return this[cppdb].name;
        },
        enumerable: true
      },
      open: {
        get: function open() {
          return this[cppdb].open;
        },
        enumerable: true
      },
      inTransaction: {
        get: function inTransaction() {
          return this[cppdb].inTransaction;
        },
        enumerable: true
      },
      readonly: {
        get: function readonly() {
          return this[cppdb].readonly;
        },
        enumerable: true
      },
      memory: {
        get: function memory() {
          return this[cppdb].memory;
        },
        enumerable: true
      }
    };
  }
});

// node_modules/better-sqlite3/lib/methods/transaction.js
var require_transaction = __commonJS({
  "node_modules/better-sqlite3/lib/methods/transaction.js"(exports2, module2) {
    "use strict";
    var { cppdb } = require_util();
    var controllers = /* @__PURE__ */ new WeakMap();
    module2.exports = function transaction(fn) {
      if (typeof fn !== "function") throw new TypeError("Expected first argument to be a function");
      const db = this[cppdb];
      const controller = getController(db, this);
      const { apply: apply2 } = Function.prototype;
      const properties = {
        default: { value: wrapTransaction(apply2, fn, db, controller.default) },
        deferred: { value: wrapTransaction(apply2, fn, db, controller.deferred) },
        immediate: { value: wrapTransaction(apply2, fn, db, controller.immediate) },
        exclusive: { value: wrapTransaction(apply2, fn, db, controller.exclusive) },
        database: { value: this, enumerable: true }
      };
      Object.defineProperties(properties.default.value, properties);
      Object.defineProperties(properties.deferred.value, properties);
      Object.defineProperties(properties.immediate.value, properties);
      Object.defineProperties(properties.exclusive.value, properties);
      return properties.default.value;
    };
    var getController = (db, self) => {
      let controller = controllers.get(db);
      if (!controller) {
        const shared = {
          commit: db.prepare("COMMIT", self, false),
          rollback: db.prepare("ROLLBACK", self, false),
          savepoint: db.prepare("SAVEPOINT `	_bs3.	`", self, false),
          release: db.prepare("RELEASE `	_bs3.	`", self, false),
          rollbackTo: db.prepare("ROLLBACK TO `	_bs3.	`", self, false)
        };
        controllers.set(db, controller = {
          default: Object.assign({ begin: db.prepare("BEGIN", self, false) }, shared),
          deferred: Object.assign({ begin: db.prepare("BEGIN DEFERRED", self, false) }, shared),
          immediate: Object.assign({ begin: db.prepare("BEGIN IMMEDIATE", self, false) }, shared),
          exclusive: Object.assign({ begin: db.prepare("BEGIN EXCLUSIVE", self, false) }, shared)
        });
      }
      return controller;
    };
    var wrapTransaction = (apply2, fn, db, { begin, commit, rollback, savepoint, release, rollbackTo }) => function sqliteTransaction() {
      let before, after, undo;
      if (db.inTransaction) {
        before = savepoint;
        after = release;
        undo = rollbackTo;
      } else {
        before = begin;
        after = commit;
        undo = rollback;
      }
      before.run();
      try {
        const result = apply2.call(fn, this, arguments);
        if (result && typeof result.then === "function") {
          throw new TypeError("Transaction function cannot return a promise");
        }
        after.run();
        return result;
      } catch (ex) {
        if (db.inTransaction) {
          undo.run();
          if (undo !== rollback) after.run();
        }
        throw ex;
      }
    };
  }
});

// node_modules/better-sqlite3/lib/methods/pragma.js
var require_pragma = __commonJS({
  "node_modules/better-sqlite3/lib/methods/pragma.js"(exports2, module2) {
    "use strict";
    var { getBooleanOption, cppdb } = require_util();
    module2.exports = function pragma(source, options) {
      if (options == null) options = {};
      if (typeof source !== "string") throw new TypeError("Expected first argument to be a string");
      if (typeof options !== "object") throw new TypeError("Expected second argument to be an options object");
      const simple = getBooleanOption(options, "simple");
      const stmt = this[cppdb].prepare(`PRAGMA ${source}`, this, true);
      return simple ? stmt.pluck().get() : stmt.all();
    };
  }
});

// node_modules/better-sqlite3/lib/methods/backup.js
var require_backup = __commonJS({
  "node_modules/better-sqlite3/lib/methods/backup.js"(exports2, module2) {
    "use strict";
    var fs = require("fs");
    var path = require("path");
    var { promisify } = require("util");
    var { cppdb } = require_util();
    var fsAccess = promisify(fs.access);
    module2.exports = async function backup(filename, options) {
      if (options == null) options = {};
      if (typeof filename !== "string") throw new TypeError("Expected first argument to be a string");
      if (typeof options !== "object") throw new TypeError("Expected second argument to be an options object");
      filename = filename.trim();
      const attachedName = "attached" in options ? options.attached : "main";
      const handler = "progress" in options ? options.progress : null;
      if (!filename) throw new TypeError("Backup filename cannot be an empty string");
      if (filename === ":memory:") throw new TypeError('Invalid backup filename ":memory:"');
      if (typeof attachedName !== "string") throw new TypeError('Expected the "attached" option to be a string');
      if (!attachedName) throw new TypeError('The "attached" option cannot be an empty string');
      if (handler != null && typeof handler !== "function") throw new TypeError('Expected the "progress" option to be a function');
      await fsAccess(path.dirname(filename)).catch(() => {
        throw new TypeError("Cannot save backup because the directory does not exist");
      });
      const isNewFile = await fsAccess(filename).then(() => false, () => true);
      return runBackup(this[cppdb].backup(this, attachedName, filename, isNewFile), handler || null);
    };
    var runBackup = (backup, handler) => {
      let rate = 0;
      let useDefault = true;
      return new Promise((resolve9, reject) => {
        setImmediate(function step() {
          try {
            const progress2 = backup.transfer(rate);
            if (!progress2.remainingPages) {
              backup.close();
              resolve9(progress2);
              return;
            }
            if (useDefault) {
              useDefault = false;
              rate = 100;
            }
            if (handler) {
              const ret = handler(progress2);
              if (ret !== void 0) {
                if (typeof ret === "number" && ret === ret) rate = Math.max(0, Math.min(2147483647, Math.round(ret)));
                else throw new TypeError("Expected progress callback to return a number or undefined");
              }
            }
            setImmediate(step);
          } catch (err) {
            backup.close();
            reject(err);
          }
        });
      });
    };
  }
});

// node_modules/better-sqlite3/lib/methods/serialize.js
var require_serialize = __commonJS({
  "node_modules/better-sqlite3/lib/methods/serialize.js"(exports2, module2) {
    "use strict";
    var { cppdb } = require_util();
    module2.exports = function serialize(options) {
      if (options == null) options = {};
      if (typeof options !== "object") throw new TypeError("Expected first argument to be an options object");
      const attachedName = "attached" in options ? options.attached : "main";
      if (typeof attachedName !== "string") throw new TypeError('Expected the "attached" option to be a string');
      if (!attachedName) throw new TypeError('The "attached" option cannot be an empty string');
      return this[cppdb].serialize(attachedName);
    };
  }
});

// node_modules/better-sqlite3/lib/methods/function.js
var require_function = __commonJS({
  "node_modules/better-sqlite3/lib/methods/function.js"(exports2, module2) {
    "use strict";
    var { getBooleanOption, cppdb } = require_util();
    module2.exports = function defineFunction(name, options, fn) {
      if (options == null) options = {};
      if (typeof options === "function") {
        fn = options;
        options = {};
      }
      if (typeof name !== "string") throw new TypeError("Expected first argument to be a string");
      if (typeof fn !== "function") throw new TypeError("Expected last argument to be a function");
      if (typeof options !== "object") throw new TypeError("Expected second argument to be an options object");
      if (!name) throw new TypeError("User-defined function name cannot be an empty string");
      const safeIntegers = "safeIntegers" in options ? +getBooleanOption(options, "safeIntegers") : 2;
      const deterministic = getBooleanOption(options, "deterministic");
      const directOnly = getBooleanOption(options, "directOnly");
      const varargs = getBooleanOption(options, "varargs");
      let argCount = -1;
      if (!varargs) {
        argCount = fn.length;
        if (!Number.isInteger(argCount) || argCount < 0) throw new TypeError("Expected function.length to be a positive integer");
        if (argCount > 100) throw new RangeError("User-defined functions cannot have more than 100 arguments");
      }
      this[cppdb].function(fn, name, argCount, safeIntegers, deterministic, directOnly);
      return this;
    };
  }
});

// node_modules/better-sqlite3/lib/methods/aggregate.js
var require_aggregate = __commonJS({
  "node_modules/better-sqlite3/lib/methods/aggregate.js"(exports2, module2) {
    "use strict";
    var { getBooleanOption, cppdb } = require_util();
    module2.exports = function defineAggregate(name, options) {
      if (typeof name !== "string") throw new TypeError("Expected first argument to be a string");
      if (typeof options !== "object" || options === null) throw new TypeError("Expected second argument to be an options object");
      if (!name) throw new TypeError("User-defined function name cannot be an empty string");
      const start2 = "start" in options ? options.start : null;
      const step = getFunctionOption(options, "step", true);
      const inverse = getFunctionOption(options, "inverse", false);
      const result = getFunctionOption(options, "result", false);
      const safeIntegers = "safeIntegers" in options ? +getBooleanOption(options, "safeIntegers") : 2;
      const deterministic = getBooleanOption(options, "deterministic");
      const directOnly = getBooleanOption(options, "directOnly");
      const varargs = getBooleanOption(options, "varargs");
      let argCount = -1;
      if (!varargs) {
        argCount = Math.max(getLength(step), inverse ? getLength(inverse) : 0);
        if (argCount > 0) argCount -= 1;
        if (argCount > 100) throw new RangeError("User-defined functions cannot have more than 100 arguments");
      }
      this[cppdb].aggregate(start2, step, inverse, result, name, argCount, safeIntegers, deterministic, directOnly);
      return this;
    };
    var getFunctionOption = (options, key, required) => {
      const value = key in options ? options[key] : null;
      if (typeof value === "function") return value;
      if (value != null) throw new TypeError(`Expected the "${key}" option to be a function`);
      if (required) throw new TypeError(`Missing required option "${key}"`);
      return null;
    };
    var getLength = ({ length }) => {
      if (Number.isInteger(length) && length >= 0) return length;
      throw new TypeError("Expected function.length to be a positive integer");
    };
  }
});

// node_modules/better-sqlite3/lib/methods/table.js
var require_table = __commonJS({
  "node_modules/better-sqlite3/lib/methods/table.js"(exports2, module2) {
    "use strict";
    var { cppdb } = require_util();
    module2.exports = function defineTable(name, factory) {
      if (typeof name !== "string") throw new TypeError("Expected first argument to be a string");
      if (!name) throw new TypeError("Virtual table module name cannot be an empty string");
      let eponymous = false;
      if (typeof factory === "object" && factory !== null) {
        eponymous = true;
        factory = defer(parseTableDefinition(factory, "used", name));
      } else {
        if (typeof factory !== "function") throw new TypeError("Expected second argument to be a function or a table definition object");
        factory = wrapFactory(factory);
      }
      this[cppdb].table(factory, name, eponymous);
      return this;
    };
    function wrapFactory(factory) {
      return function virtualTableFactory(moduleName, databaseName, tableName, ...args) {
        const thisObject = {
          module: moduleName,
          database: databaseName,
          table: tableName
        };
        const def = apply2.call(factory, thisObject, args);
        if (typeof def !== "object" || def === null) {
          throw new TypeError(`Virtual table module "${moduleName}" did not return a table definition object`);
        }
        return parseTableDefinition(def, "returned", moduleName);
      };
    }
    function parseTableDefinition(def, verb, moduleName) {
      if (!hasOwnProperty.call(def, "rows")) {
        throw new TypeError(`Virtual table module "${moduleName}" ${verb} a table definition without a "rows" property`);
      }
      if (!hasOwnProperty.call(def, "columns")) {
        throw new TypeError(`Virtual table module "${moduleName}" ${verb} a table definition without a "columns" property`);
      }
      const rows = def.rows;
      if (typeof rows !== "function" || Object.getPrototypeOf(rows) !== GeneratorFunctionPrototype) {
        throw new TypeError(`Virtual table module "${moduleName}" ${verb} a table definition with an invalid "rows" property (should be a generator function)`);
      }
      let columns = def.columns;
      if (!Array.isArray(columns) || !(columns = [...columns]).every((x) => typeof x === "string")) {
        throw new TypeError(`Virtual table module "${moduleName}" ${verb} a table definition with an invalid "columns" property (should be an array of strings)`);
      }
      if (columns.length !== new Set(columns).size) {
        throw new TypeError(`Virtual table module "${moduleName}" ${verb} a table definition with duplicate column names`);
      }
      if (!columns.length) {
        throw new RangeError(`Virtual table module "${moduleName}" ${verb} a table definition with zero columns`);
      }
      let parameters;
      if (hasOwnProperty.call(def, "parameters")) {
        parameters = def.parameters;
        if (!Array.isArray(parameters) || !(parameters = [...parameters]).every((x) => typeof x === "string")) {
          throw new TypeError(`Virtual table module "${moduleName}" ${verb} a table definition with an invalid "parameters" property (should be an array of strings)`);
        }
      } else {
        parameters = inferParameters(rows);
      }
      if (parameters.length !== new Set(parameters).size) {
        throw new TypeError(`Virtual table module "${moduleName}" ${verb} a table definition with duplicate parameter names`);
      }
      if (parameters.length > 32) {
        throw new RangeError(`Virtual table module "${moduleName}" ${verb} a table definition with more than the maximum number of 32 parameters`);
      }
      for (const parameter of parameters) {
        if (columns.includes(parameter)) {
          throw new TypeError(`Virtual table module "${moduleName}" ${verb} a table definition with column "${parameter}" which was ambiguously defined as both a column and parameter`);
        }
      }
      let safeIntegers = 2;
      if (hasOwnProperty.call(def, "safeIntegers")) {
        const bool = def.safeIntegers;
        if (typeof bool !== "boolean") {
          throw new TypeError(`Virtual table module "${moduleName}" ${verb} a table definition with an invalid "safeIntegers" property (should be a boolean)`);
        }
        safeIntegers = +bool;
      }
      let directOnly = false;
      if (hasOwnProperty.call(def, "directOnly")) {
        directOnly = def.directOnly;
        if (typeof directOnly !== "boolean") {
          throw new TypeError(`Virtual table module "${moduleName}" ${verb} a table definition with an invalid "directOnly" property (should be a boolean)`);
        }
      }
      const columnDefinitions = [
        ...parameters.map(identifier).map((str) => `${str} HIDDEN`),
        ...columns.map(identifier)
      ];
      return [
        `CREATE TABLE x(${columnDefinitions.join(", ")});`,
        wrapGenerator(rows, new Map(columns.map((x, i) => [x, parameters.length + i])), moduleName),
        parameters,
        safeIntegers,
        directOnly
      ];
    }
    function wrapGenerator(generator, columnMap, moduleName) {
      return function* virtualTable(...args) {
        const output = args.map((x) => Buffer.isBuffer(x) ? Buffer.from(x) : x);
        for (let i = 0; i < columnMap.size; ++i) {
          output.push(null);
        }
        for (const row of generator(...args)) {
          if (Array.isArray(row)) {
            extractRowArray(row, output, columnMap.size, moduleName);
            yield output;
          } else if (typeof row === "object" && row !== null) {
            extractRowObject(row, output, columnMap, moduleName);
            yield output;
          } else {
            throw new TypeError(`Virtual table module "${moduleName}" yielded something that isn't a valid row object`);
          }
        }
      };
    }
    function extractRowArray(row, output, columnCount, moduleName) {
      if (row.length !== columnCount) {
        throw new TypeError(`Virtual table module "${moduleName}" yielded a row with an incorrect number of columns`);
      }
      const offset = output.length - columnCount;
      for (let i = 0; i < columnCount; ++i) {
        output[i + offset] = row[i];
      }
    }
    function extractRowObject(row, output, columnMap, moduleName) {
      let count2 = 0;
      for (const key of Object.keys(row)) {
        const index = columnMap.get(key);
        if (index === void 0) {
          throw new TypeError(`Virtual table module "${moduleName}" yielded a row with an undeclared column "${key}"`);
        }
        output[index] = row[key];
        count2 += 1;
      }
      if (count2 !== columnMap.size) {
        throw new TypeError(`Virtual table module "${moduleName}" yielded a row with missing columns`);
      }
    }
    function inferParameters({ length }) {
      if (!Number.isInteger(length) || length < 0) {
        throw new TypeError("Expected function.length to be a positive integer");
      }
      const params = [];
      for (let i = 0; i < length; ++i) {
        params.push(`$${i + 1}`);
      }
      return params;
    }
    var { hasOwnProperty } = Object.prototype;
    var { apply: apply2 } = Function.prototype;
    var GeneratorFunctionPrototype = Object.getPrototypeOf(function* () {
    });
    var identifier = (str) => `"${str.replace(/"/g, '""')}"`;
    var defer = (x) => () => x;
  }
});

// node_modules/better-sqlite3/lib/methods/inspect.js
var require_inspect = __commonJS({
  "node_modules/better-sqlite3/lib/methods/inspect.js"(exports2, module2) {
    "use strict";
    var DatabaseInspection = function Database3() {
    };
    module2.exports = function inspect(depth, opts) {
      return Object.assign(new DatabaseInspection(), this);
    };
  }
});

// node_modules/better-sqlite3/lib/database.js
var require_database = __commonJS({
  "node_modules/better-sqlite3/lib/database.js"(exports2, module2) {
    "use strict";
    var fs = require("fs");
    var path = require("path");
    var util = require_util();
    var SqliteError = require_sqlite_error();
    var DEFAULT_ADDON;
    function Database3(filenameGiven, options) {
      if (new.target == null) {
        return new Database3(filenameGiven, options);
      }
      let buffer;
      if (Buffer.isBuffer(filenameGiven)) {
        buffer = filenameGiven;
        filenameGiven = ":memory:";
      }
      if (filenameGiven == null) filenameGiven = "";
      if (options == null) options = {};
      if (typeof filenameGiven !== "string") throw new TypeError("Expected first argument to be a string");
      if (typeof options !== "object") throw new TypeError("Expected second argument to be an options object");
      if ("readOnly" in options) throw new TypeError('Misspelled option "readOnly" should be "readonly"');
      if ("memory" in options) throw new TypeError('Option "memory" was removed in v7.0.0 (use ":memory:" filename instead)');
      const filename = filenameGiven.trim();
      const anonymous = filename === "" || filename === ":memory:";
      const readonly = util.getBooleanOption(options, "readonly");
      const fileMustExist = util.getBooleanOption(options, "fileMustExist");
      const timeout = "timeout" in options ? options.timeout : 5e3;
      const verbose = "verbose" in options ? options.verbose : null;
      const nativeBinding2 = "nativeBinding" in options ? options.nativeBinding : null;
      if (readonly && anonymous && !buffer) throw new TypeError("In-memory/temporary databases cannot be readonly");
      if (!Number.isInteger(timeout) || timeout < 0) throw new TypeError('Expected the "timeout" option to be a positive integer');
      if (timeout > 2147483647) throw new RangeError('Option "timeout" cannot be greater than 2147483647');
      if (verbose != null && typeof verbose !== "function") throw new TypeError('Expected the "verbose" option to be a function');
      if (nativeBinding2 != null && typeof nativeBinding2 !== "string" && typeof nativeBinding2 !== "object") throw new TypeError('Expected the "nativeBinding" option to be a string or addon object');
      let addon;
      if (nativeBinding2 == null) {
        addon = DEFAULT_ADDON || (DEFAULT_ADDON = require("bindings")("better_sqlite3.node"));
      } else if (typeof nativeBinding2 === "string") {
        const requireFunc = typeof __non_webpack_require__ === "function" ? __non_webpack_require__ : require;
        addon = requireFunc(path.resolve(nativeBinding2).replace(/(\.node)?$/, ".node"));
      } else {
        addon = nativeBinding2;
      }
      if (!addon.isInitialized) {
        addon.setErrorConstructor(SqliteError);
        addon.isInitialized = true;
      }
      if (!anonymous && !filename.startsWith("file:") && !fs.existsSync(path.dirname(filename))) {
        throw new TypeError("Cannot open database because the directory does not exist");
      }
      Object.defineProperties(this, {
        [util.cppdb]: { value: new addon.Database(filename, filenameGiven, anonymous, readonly, fileMustExist, timeout, verbose || null, buffer || null) },
        ...wrappers.getters
      });
    }
    var wrappers = require_wrappers();
    Database3.prototype.prepare = wrappers.prepare;
    Database3.prototype.transaction = require_transaction();
    Database3.prototype.pragma = require_pragma();
    Database3.prototype.backup = require_backup();
    Database3.prototype.serialize = require_serialize();
    Database3.prototype.function = require_function();
    Database3.prototype.aggregate = require_aggregate();
    Database3.prototype.table = require_table();
    Database3.prototype.loadExtension = wrappers.loadExtension;
    Database3.prototype.exec = wrappers.exec;
    Database3.prototype.close = wrappers.close;
    Database3.prototype.defaultSafeIntegers = wrappers.defaultSafeIntegers;
    Database3.prototype.unsafeMode = wrappers.unsafeMode;
    Database3.prototype[util.inspect] = require_inspect();
    module2.exports = Database3;
  }
});

// node_modules/better-sqlite3/lib/index.js
var require_lib = __commonJS({
  "node_modules/better-sqlite3/lib/index.js"(exports2, module2) {
    "use strict";
    module2.exports = require_database();
    module2.exports.SqliteError = require_sqlite_error();
  }
});

// src/cli/main.ts
var main_exports = {};
__export(main_exports, {
  main: () => main
});
module.exports = __toCommonJS(main_exports);

// src/cli/command.ts
var import_node_util = require("node:util");

// src/cli/errors.ts
var CliError = class extends Error {
  constructor(message, exitCode = 1, details2 = []) {
    super(message);
    this.exitCode = exitCode;
    this.details = details2;
    this.name = "CliError";
  }
};
function usageError(message, details2 = []) {
  return new CliError(message, 2, details2);
}

// src/cli/command.ts
var GLOBAL_OPTIONS = {
  db: { type: "string" },
  C: { type: "string", short: "C" },
  help: { type: "boolean", short: "h" }
};
function parseInvocation(command, name, argv) {
  let parsed;
  try {
    parsed = (0, import_node_util.parseArgs)({ args: argv, options: { ...GLOBAL_OPTIONS, ...command.options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(`${error.message.replace(/^.*?: /, "")}`, [`usage: tasktrail ${command.usage}`]);
  }
  const [min, max] = command.positionals;
  if (!parsed.values.help && (parsed.positionals.length < min || parsed.positionals.length > max)) {
    throw usageError(`${name} takes ${min === max ? min : `${min} to ${max}`} argument${max === 1 ? "" : "s"}, got ${parsed.positionals.length}`, [
      `usage: tasktrail ${command.usage}`
    ]);
  }
  return parsed;
}
function text(values, name) {
  const value = values[name];
  return typeof value === "string" ? value : void 0;
}

// src/cli/output.ts
function terminalOutput() {
  return {
    out: (text2) => process.stdout.write(text2.endsWith("\n") ? text2 : text2 + "\n"),
    err: (text2) => process.stderr.write(text2.endsWith("\n") ? text2 : text2 + "\n"),
    color: process.stdout.isTTY === true && !process.env.NO_COLOR
  };
}
var CODES = { green: 32, yellow: 33, red: 31, dim: 2, bold: 1, cyan: 36 };
function paint(output, style, text2) {
  return output.color ? `\x1B[${CODES[style]}m${text2}\x1B[0m` : text2;
}
function printJson(output, value) {
  output.out(JSON.stringify(value, null, 2));
}

// src/store/open.ts
var import_node_fs2 = require("node:fs");
var import_node_module = require("node:module");
var import_node_path3 = require("node:path");
var import_better_sqlite3 = __toESM(require_lib(), 1);

// src/install/runtime.ts
var import_node_fs = require("node:fs");
var import_node_path2 = require("node:path");

// node_modules/better-sqlite3/package.json
var package_default = {
  name: "better-sqlite3",
  version: "12.11.1",
  description: "The fastest and simplest library for SQLite in Node.js.",
  homepage: "http://github.com/WiseLibs/better-sqlite3",
  author: "Joshua Wise <joshuathomaswise@gmail.com>",
  repository: {
    type: "git",
    url: "git://github.com/WiseLibs/better-sqlite3.git"
  },
  main: "lib/index.js",
  files: [
    "binding.gyp",
    "src/**/*.[ch]pp",
    "lib/**",
    "deps/**"
  ],
  engines: {
    node: "20.x || 22.x || 23.x || 24.x || 25.x || 26.x"
  },
  dependencies: {
    bindings: "^1.5.0",
    "prebuild-install": "^7.1.1"
  },
  overrides: {
    prebuild: {
      "node-abi": "^4.25.0"
    }
  },
  devDependencies: {
    chai: "^4.3.8",
    "cli-color": "^2.0.3",
    "fs-extra": "^11.1.1",
    mocha: "^11.7.5",
    nodemark: "^0.3.0",
    prebuild: "^13.0.1",
    sqlite: "^5.0.1",
    sqlite3: "^5.1.6"
  },
  scripts: {
    install: "prebuild-install || node-gyp rebuild --release",
    "build-release": "node-gyp rebuild --release",
    "build-debug": "node-gyp rebuild --debug",
    test: "mocha --exit --slow=75 --timeout=5000",
    benchmark: "node benchmark",
    download: "bash ./deps/download.sh"
  },
  license: "MIT",
  keywords: [
    "sql",
    "sqlite",
    "sqlite3",
    "transactions",
    "user-defined functions",
    "aggregate functions",
    "window functions",
    "database"
  ]
};

// src/store/paths.ts
var import_node_os = require("node:os");
var import_node_path = require("node:path");
function tasktrailHome(env = process.env) {
  if (env.TASKTRAIL_HOME) return (0, import_node_path.resolve)(env.TASKTRAIL_HOME);
  const data = env.XDG_DATA_HOME || (0, import_node_path.join)((0, import_node_os.homedir)(), ".local", "share");
  return (0, import_node_path.join)(data, "tasktrail");
}
function storePath(env = process.env, flag) {
  if (flag) return (0, import_node_path.resolve)(flag);
  if (env.TASKTRAIL_DB) return (0, import_node_path.resolve)(env.TASKTRAIL_DB);
  return (0, import_node_path.join)(tasktrailHome(env), "tasks.db");
}

// src/install/runtime.ts
var BETTER_SQLITE3_VERSION = package_default.version;
var ADDON_FILE = `better_sqlite3-${BETTER_SQLITE3_VERSION}-${process.platform}-${process.arch}-abi${process.versions.modules}.node`;
function runtimeDir(env) {
  return env.CLAUDE_PLUGIN_DATA || (0, import_node_path2.join)(tasktrailHome(env), "runtime");
}
function installedAddon(env) {
  const dirs = [env.CLAUDE_PLUGIN_DATA, (0, import_node_path2.join)(tasktrailHome(env), "runtime")].filter((dir) => !!dir);
  for (const dir of dirs) {
    const file = (0, import_node_path2.join)(dir, ADDON_FILE);
    if ((0, import_node_fs.existsSync)(file)) return file;
  }
  return null;
}
var AddonMissingError = class extends Error {
  constructor(env) {
    super(
      `better-sqlite3 ${BETTER_SQLITE3_VERSION}'s native module is not installed yet: a Claude Code session installs it in the background into ${runtimeDir(env)} (see install.log there), or run: tasktrail install-runtime`
    );
    this.name = "AddonMissingError";
  }
};

// src/store/migrations.ts
var core = {
  version: 1,
  name: "core tables",
  sql: `
CREATE TABLE clients (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  created_at TEXT NOT NULL
);
CREATE TABLE projects (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  client_id INTEGER REFERENCES clients(id),
  created_at TEXT NOT NULL
);
-- A repository (keyed by its git common dir, so worktrees share it) or a plain directory.
CREATE TABLE repos (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  root TEXT NOT NULL,
  client_id INTEGER REFERENCES clients(id),
  project_id INTEGER REFERENCES projects(id),
  rollup INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);
CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  repo_id INTEGER REFERENCES repos(id),
  started_at TEXT NOT NULL,
  ended_at TEXT,
  source TEXT,
  transcript_path TEXT
);
CREATE TABLE tasks (
  id TEXT PRIMARY KEY,
  repo_id INTEGER NOT NULL REFERENCES repos(id),
  parent_task_id TEXT REFERENCES tasks(id) ON DELETE SET NULL,
  title TEXT NOT NULL,
  description TEXT,
  status TEXT NOT NULL CHECK (status IN ('pending','in_progress','blocked','completed','cancelled')),
  task_type TEXT CHECK (task_type IN ('implementation','research','review','testing','deployment','documentation','bugfix','analysis')),
  assigned_agent TEXT,
  task_context TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(task_context)),
  session_id TEXT,
  client_id INTEGER REFERENCES clients(id),
  project_id INTEGER REFERENCES projects(id),
  estimated_complexity TEXT CHECK (estimated_complexity IN ('low','medium','high')),
  position INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  started_at TEXT,
  completed_at TEXT,
  updated_at TEXT NOT NULL
);
CREATE INDEX tasks_by_parent ON tasks(repo_id, parent_task_id, position);
CREATE INDEX tasks_by_status ON tasks(repo_id, status);
CREATE TABLE task_dependencies (
  task_id TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  depends_on TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  PRIMARY KEY (task_id, depends_on)
) WITHOUT ROWID;
-- Every change to a task, in order. No foreign key: the log outlives a deleted task.
CREATE TABLE task_events (
  id INTEGER PRIMARY KEY,
  task_id TEXT NOT NULL,
  field TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT,
  source TEXT NOT NULL CHECK (source IN ('cli','hook','file','merge')),
  at TEXT NOT NULL,
  note TEXT
);
CREATE INDEX task_events_by_task ON task_events(task_id, id);
CREATE TRIGGER task_events_no_update BEFORE UPDATE ON task_events
  BEGIN SELECT RAISE(ABORT, 'task_events is append-only'); END;
CREATE TRIGGER task_events_no_delete BEFORE DELETE ON task_events
  BEGIN SELECT RAISE(ABORT, 'task_events is append-only'); END;
CREATE TABLE work_items (
  id INTEGER PRIMARY KEY,
  task_id TEXT REFERENCES tasks(id) ON DELETE SET NULL,
  client_id INTEGER REFERENCES clients(id),
  category TEXT,
  problem TEXT,
  solution TEXT,
  billable_minutes INTEGER NOT NULL,
  date TEXT NOT NULL,
  created_at TEXT NOT NULL
);
`
};
var syncBases = {
  version: 2,
  name: "sync bases",
  sql: `
CREATE TABLE sync_bases (
  id INTEGER PRIMARY KEY,
  repo_id INTEGER NOT NULL REFERENCES repos(id) ON DELETE CASCADE,
  root TEXT NOT NULL,
  -- The checked-out branch ('refs/heads/main'), or 'HEAD' when detached.
  branch TEXT NOT NULL,
  -- The commit checked out at the last sync; null outside git or before the first commit.
  head TEXT,
  -- Hash of TASKS.md as last read or written (src/sync/content-hash.ts); null when there was no file.
  file_hash TEXT,
  -- The parsed TASKS.md (JSON) at the last sync.
  parsed TEXT NOT NULL,
  -- task_events.id up to which store changes are part of this base.
  event_mark INTEGER NOT NULL,
  synced_at TEXT NOT NULL,
  UNIQUE (root, branch)
);
CREATE TABLE sync_homes (
  task_id TEXT PRIMARY KEY,
  base_id INTEGER NOT NULL REFERENCES sync_bases(id) ON DELETE CASCADE
) WITHOUT ROWID;
`
};
var hookState = {
  version: 3,
  name: "hook state",
  sql: `
-- The user's request of each prompt, at most 2,000 characters, and the task made for it
-- once the first work of the prompt arrived.
CREATE TABLE hook_prompts (
  session_id TEXT NOT NULL,
  prompt_id TEXT NOT NULL,
  request TEXT NOT NULL,
  task_id TEXT REFERENCES tasks(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (session_id, prompt_id)
) WITHOUT ROWID;
-- Tasks of Claude's own plan (TaskCreate, TodoWrite items), with TaskCreate's id in the
-- session's task list ("1", "2", \u2026; null for TodoWrite items, which have none).
CREATE TABLE hook_plan_tasks (
  session_id TEXT NOT NULL,
  task_id TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  claude_id TEXT,
  PRIMARY KEY (session_id, task_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX hook_plan_tasks_by_claude_id ON hook_plan_tasks(session_id, claude_id) WHERE claude_id IS NOT NULL;
-- The session's last TodoWrite list: [{"content", "status", "task_id"}], to compare the next one with.
CREATE TABLE hook_todo_lists (
  session_id TEXT PRIMARY KEY,
  items TEXT NOT NULL CHECK (json_valid(items))
) WITHOUT ROWID;
-- One row per Agent tool call; agent_id is learnt from SubagentStart or the tool's response.
CREATE TABLE hook_agent_runs (
  session_id TEXT NOT NULL,
  tool_use_id TEXT NOT NULL,
  agent_type TEXT,
  agent_id TEXT,
  task_id TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  PRIMARY KEY (session_id, tool_use_id)
);
CREATE INDEX hook_agent_runs_by_agent ON hook_agent_runs(session_id, agent_id);
-- Tool events already applied, so a repeated delivery changes nothing.
CREATE TABLE hook_processed (
  session_id TEXT NOT NULL,
  tool_use_id TEXT NOT NULL,
  hook_event TEXT NOT NULL,
  PRIMARY KEY (session_id, tool_use_id, hook_event)
) WITHOUT ROWID;
`
};
var billing = {
  version: 4,
  name: "billing rules",
  sql: `
ALTER TABLE clients ADD COLUMN increment_minutes INTEGER NOT NULL DEFAULT 1 CHECK (increment_minutes > 0);
ALTER TABLE clients ADD COLUMN minimum_minutes INTEGER NOT NULL DEFAULT 0 CHECK (minimum_minutes >= 0);
ALTER TABLE clients ADD COLUMN rounding TEXT NOT NULL DEFAULT 'up' CHECK (rounding IN ('up','nearest'));
CREATE UNIQUE INDEX work_items_one_per_task ON work_items(task_id);
CREATE INDEX work_items_by_date ON work_items(date, client_id);
CREATE TABLE billing_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
`
};
var syncBaseFiles = {
  version: 5,
  name: "sync base files",
  sql: `
CREATE TABLE sync_base_files (
  base_id INTEGER PRIMARY KEY REFERENCES sync_bases(id) ON DELETE CASCADE,
  -- The parsed TASKS.md (JSON) at the last sync.
  parsed TEXT NOT NULL
);
INSERT INTO sync_base_files (base_id, parsed) SELECT id, parsed FROM sync_bases;
ALTER TABLE sync_bases DROP COLUMN parsed;
`
};
var packedSyncBases = {
  version: 6,
  name: "packed sync bases",
  sql: `UPDATE sync_base_files SET parsed = parsed WHERE 0;`
};
var MIGRATIONS = [core, syncBases, hookState, billing, syncBaseFiles, packedSyncBases];
var SCHEMA_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));

// src/store/open.ts
var NewerStoreError = class extends Error {
  constructor(path, found) {
    super(
      `the store ${path} has schema version ${found}, written by a newer tasktrail (this one knows up to ${SCHEMA_VERSION}); it was left untouched \u2014 upgrade tasktrail`
    );
    this.path = path;
    this.found = found;
    this.name = "NewerStoreError";
  }
};
function nativeBinding() {
  let packageJson;
  try {
    packageJson = (0, import_node_module.createRequire)(__import_meta_url).resolve("better-sqlite3/package.json");
  } catch {
    const installed = installedAddon(process.env);
    if (installed) return installed;
    throw new AddonMissingError(process.env);
  }
  return (0, import_node_path3.join)((0, import_node_path3.dirname)(packageJson), "build", "Release", "better_sqlite3.node");
}
function openDatabase(path, options = {}) {
  if (path !== ":memory:") (0, import_node_fs2.mkdirSync)((0, import_node_path3.dirname)(path), { recursive: true });
  const db = new import_better_sqlite3.default(path, { nativeBinding: nativeBinding() });
  try {
    db.pragma("busy_timeout = 5000");
    const found = db.pragma("user_version", { simple: true });
    if (found > SCHEMA_VERSION) throw new NewerStoreError(path, found);
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.pragma("foreign_keys = ON");
    migrate(db, MIGRATIONS, options.targetVersion ?? SCHEMA_VERSION);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
function migrate(db, migrations, target) {
  const pending = () => migrations.filter((m) => m.version > db.pragma("user_version", { simple: true }) && m.version <= target).sort((a, b) => a.version - b.version);
  if (pending().length === 0) return;
  db.transaction(() => {
    for (const m of pending()) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
}

// src/model/task.ts
var STATUSES = ["pending", "in_progress", "blocked", "completed", "cancelled"];
var TASK_TYPES = [
  "implementation",
  "research",
  "review",
  "testing",
  "deployment",
  "documentation",
  "bugfix",
  "analysis"
];
var COMPLEXITIES = ["low", "medium", "high"];
var TERMINAL_STATUSES = ["completed", "cancelled"];
function isTerminal(status2) {
  return TERMINAL_STATUSES.includes(status2);
}
function isStatus(value) {
  return typeof value === "string" && STATUSES.includes(value);
}
function isTaskType(value) {
  return typeof value === "string" && TASK_TYPES.includes(value);
}

// src/project/locate.ts
var import_node_fs3 = require("node:fs");
var import_node_path4 = require("node:path");
function findUp(start2, entry) {
  let dir = (0, import_node_path4.resolve)(start2);
  for (; ; ) {
    if ((0, import_node_fs3.existsSync)((0, import_node_path4.join)(dir, entry))) return dir;
    const parent = (0, import_node_path4.dirname)(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
function findWorkTree(start2) {
  return findUp(start2, ".git");
}
function gitDirOf(root) {
  const dotGit = (0, import_node_path4.join)(root, ".git");
  if ((0, import_node_fs3.statSync)(dotGit).isDirectory()) return dotGit;
  const pointer = /^gitdir:\s*(.+?)\s*$/m.exec((0, import_node_fs3.readFileSync)(dotGit, "utf8"));
  if (!pointer) return dotGit;
  return (0, import_node_path4.isAbsolute)(pointer[1]) ? pointer[1] : (0, import_node_path4.resolve)(root, pointer[1]);
}
function commonDirOf(gitDir) {
  const file = (0, import_node_path4.join)(gitDir, "commondir");
  if (!(0, import_node_fs3.existsSync)(file)) return gitDir;
  return (0, import_node_path4.resolve)(gitDir, (0, import_node_fs3.readFileSync)(file, "utf8").trim());
}
function locateProject(start2, home) {
  const root = findWorkTree(start2);
  if (root) {
    const gitDir = gitDirOf(root);
    return { root, key: commonDirOf(gitDir), gitDir, kind: "git" };
  }
  const directory = findUp(start2, "TASKS.md");
  if (directory) return { root: directory, key: directory, gitDir: null, kind: "directory" };
  return { root: home, key: home, gitDir: null, kind: "home" };
}

// src/model/ids.ts
var import_node_module2 = require("node:module");
var ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
var LENGTH = 7;
var TASK_ID_PATTERN = /^t-[0-9a-hjkmnp-tv-z]{4,12}$/;
function newTaskId() {
  const { randomBytes } = (0, import_node_module2.createRequire)(__import_meta_url)("node:crypto");
  const bytes = randomBytes(LENGTH);
  let id = "t-";
  for (const byte of bytes) id += ALPHABET[byte & 31];
  return id;
}
function isTaskId(value) {
  return TASK_ID_PATTERN.test(value);
}

// src/model/status.ts
var VERB_TARGET = {
  start: "in_progress",
  done: "completed",
  block: "blocked",
  cancel: "cancelled",
  reopen: "pending"
};
var VERB_FROM = {
  start: ["pending", "blocked"],
  done: ["pending", "in_progress", "blocked"],
  block: ["pending", "in_progress"],
  cancel: ["pending", "in_progress", "blocked"],
  reopen: ["completed", "cancelled"]
};
function verbRefusal(verb, task) {
  if (VERB_FROM[verb].includes(task.status)) return null;
  const label = task.status.replace("_", " ");
  if (verb === "start" && (task.status === "completed" || task.status === "cancelled")) {
    return `${task.id} is ${label}; reopen it first: tasktrail reopen ${task.id}`;
  }
  if (verb === "reopen") return `${task.id} is ${label}, not completed or cancelled; nothing to reopen`;
  return `${task.id} is already ${label}`;
}
function statusPatch(task, to, now) {
  const started_at = task.started_at ?? (to === "in_progress" || to === "completed" ? now : null);
  const completed_at = to === "completed" ? task.status === "completed" ? task.completed_at : now : null;
  return { status: to, started_at, completed_at };
}

// src/billing/rounding.ts
var ROUNDING_MODES = ["up", "nearest"];
var DEFAULT_RULE = { increment_minutes: 1, minimum_minutes: 0, rounding: "up" };
function isRoundingMode(value) {
  return typeof value === "string" && ROUNDING_MODES.includes(value);
}
function billableMinutes(ms, rule) {
  if (ms <= 0) return 0;
  const incrementMs = rule.increment_minutes * 6e4;
  const increments = rule.rounding === "up" ? Math.ceil(ms / incrementMs) : Math.floor(ms / incrementMs + 0.5);
  return Math.max(increments * rule.increment_minutes, rule.minimum_minutes);
}
function describeRule(rule) {
  const minimum = rule.minimum_minutes > 0 ? `, minimum ${rule.minimum_minutes} min` : "";
  return `${rule.rounding === "up" ? "round up" : "round to nearest"} to ${rule.increment_minutes} min${minimum}`;
}

// src/billing/time.ts
function inProgressIntervals(moves, now) {
  const intervals = [];
  let open = null;
  for (const move2 of moves) {
    if (move2.to === "in_progress" && open === null) open = move2.at;
    else if (move2.to !== "in_progress" && open !== null) {
      intervals.push({ start: open, end: move2.at });
      open = null;
    }
  }
  if (open !== null && now > open) intervals.push({ start: open, end: now });
  return intervals.filter((i) => i.end > i.start);
}
function activeSpans(points, idleMs) {
  const sorted = [...points].sort((a, b) => a - b);
  const spans = [];
  for (const point of sorted) {
    const last2 = spans[spans.length - 1];
    if (last2 && point - last2.end <= idleMs) last2.end = point;
    else spans.push({ start: point, end: point });
  }
  return spans.filter((s) => s.end > s.start);
}
function union(intervals) {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const merged = [];
  for (const { start: start2, end } of sorted) {
    const last2 = merged[merged.length - 1];
    if (last2 && start2 <= last2.end) last2.end = Math.max(last2.end, end);
    else merged.push({ start: start2, end });
  }
  return merged;
}
function intersect(a, b) {
  const result = [];
  for (const x of union(a)) {
    for (const y of union(b)) {
      const start2 = Math.max(x.start, y.start);
      const end = Math.min(x.end, y.end);
      if (end > start2) result.push({ start: start2, end });
    }
  }
  return union(result);
}
function agentRunTime(run) {
  const started = run.started ? Date.parse(run.started) : NaN;
  const completed = run.completed ? Date.parse(run.completed) : NaN;
  const duration2 = typeof run.duration_ms === "number" && run.duration_ms > 0 ? run.duration_ms : NaN;
  if (!Number.isNaN(started) && !Number.isNaN(completed) && completed > started) return { span: { start: started, end: completed } };
  if (!Number.isNaN(duration2)) {
    if (!Number.isNaN(started)) return { span: { start: started, end: started + duration2 } };
    if (!Number.isNaN(completed)) return { span: { start: completed - duration2, end: completed } };
    return { ms: duration2 };
  }
  return null;
}
function sessionTime(session, idleMs, now) {
  const active = activeSpans(session.activity, idleMs);
  const spans = /* @__PURE__ */ new Map();
  const extra = /* @__PURE__ */ new Map();
  for (const task of session.tasks) {
    const placed = [];
    let unplaced = 0;
    for (const run of task.agent_runs) {
      const time = agentRunTime(run);
      if (time && "span" in time) placed.push(time.span);
      else if (time) unplaced += time.ms;
    }
    spans.set(task.id, union([...intersect(inProgressIntervals(task.moves, now), active), ...placed]));
    extra.set(task.id, unplaced);
  }
  const parents = new Map(session.tasks.map((t) => [t.id, t.parent_id]));
  const isAncestor = (ancestor, of) => {
    const seen = /* @__PURE__ */ new Set();
    for (let p = parents.get(of) ?? null; p !== null && !seen.has(p); p = parents.get(p) ?? null) {
      if (p === ancestor) return true;
      seen.add(p);
    }
    return false;
  };
  const credited = new Map(session.tasks.map((t) => [t.id, extra.get(t.id)]));
  const bounds = [...new Set([...spans.values()].flat().flatMap((i) => [i.start, i.end]))].sort((a, b) => a - b);
  for (let k = 0; k + 1 < bounds.length; k++) {
    const start2 = bounds[k];
    const end = bounds[k + 1];
    const counting = [...spans].filter(([, list2]) => list2.some((i) => i.start <= start2 && i.end >= end)).map(([id]) => id);
    const leaves = counting.filter((id) => !counting.some((other) => isAncestor(id, other)));
    for (const id of leaves) credited.set(id, credited.get(id) + (end - start2) / leaves.length);
  }
  return new Map(session.tasks.map((t) => [t.id, { ms: Math.round(credited.get(t.id)), spans: spans.get(t.id) }]));
}

// src/billing/active-time.ts
var DEFAULT_IDLE_MINUTES = 10;
var IDLE_KEY = "idle_minutes";
function idleMinutes(store2) {
  const stored = Number(store2.billingSetting(IDLE_KEY));
  return Number.isInteger(stored) && stored > 0 ? stored : DEFAULT_IDLE_MINUTES;
}
function setIdleMinutes(store2, minutes) {
  store2.setBillingSetting(IDLE_KEY, String(minutes));
}
function agentRuns(task) {
  const runs = task.task_context.assigned_agents;
  return Array.isArray(runs) ? runs.filter((r) => typeof r === "object" && r !== null) : [];
}
function sessionTimeline(store2, sessionId) {
  const events = store2.sessionEvents(sessionId);
  const moves = /* @__PURE__ */ new Map();
  for (const event of events) {
    if (event.field !== "status" || event.new_value === null) continue;
    const list2 = moves.get(event.task_id) ?? [];
    list2.push({ at: Date.parse(event.at), to: event.new_value });
    moves.set(event.task_id, list2);
  }
  return {
    tasks: store2.sessionTasks(sessionId).map((task) => ({
      id: task.id,
      parent_id: task.parent_task_id,
      moves: moves.get(task.id) ?? [],
      agent_runs: agentRuns(task)
    })),
    activity: events.map((e) => Date.parse(e.at))
  };
}
function taskTimes(store2, tasks) {
  const idleMs = idleMinutes(store2) * 6e4;
  const now = Date.parse(store2.now());
  const times = /* @__PURE__ */ new Map();
  for (const session of new Set(tasks.map((t) => t.session_id))) {
    for (const [id, time] of sessionTime(sessionTimeline(store2, session), idleMs, now)) times.set(id, time);
  }
  return times;
}

// src/billing/work-items.ts
var CATEGORY = {
  implementation: "Implementation",
  research: "Research",
  review: "Review",
  testing: "Testing",
  deployment: "Deployment",
  documentation: "Documentation",
  bugfix: "Bug fix",
  analysis: "Analysis"
};
var GENERAL = "General";
function categoryOf(type) {
  return type && TASK_TYPES.includes(type) ? CATEGORY[type] : GENERAL;
}
function localDate(iso) {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
function billableTree(store2, task) {
  if (task.task_context.billable === false) return [];
  return [task, ...store2.children(task.id).flatMap((child) => billableTree(store2, child))];
}
function billingRootOf(store2, task) {
  let root = task;
  for (const seen = /* @__PURE__ */ new Set([task.id]); root.parent_task_id && !seen.has(root.parent_task_id); ) {
    const parent = store2.getTask(root.parent_task_id);
    if (!parent?.client) break;
    seen.add(parent.id);
    root = parent;
  }
  return root;
}
function billingOf(store2, task) {
  const tree = billableTree(store2, task);
  const times = taskTimes(store2, tree);
  const measured_ms = tree.reduce((sum, t) => sum + (times.get(t.id)?.ms ?? 0), 0);
  const rule = store2.roundingRule(task.client);
  const rounded_minutes = billableMinutes(measured_ms, rule);
  const override = task.task_context.billable_minutes;
  const override_minutes = typeof override === "number" ? override : null;
  const billable = task.task_context.billable !== false;
  return { measured_ms, rule, rounded_minutes, override_minutes, billable, minutes: billable ? override_minutes ?? rounded_minutes : 0 };
}
function solutionOf(store2, task) {
  if (task.task_context.outcome) return task.task_context.outcome;
  const done2 = store2.children(task.id).filter((c) => c.status === "completed").map((c) => c.title);
  return done2.length ? done2.join("; ") : null;
}
function settleWorkItem(store2, taskId) {
  const task = store2.getTask(taskId);
  if (!task?.client) return;
  const root = billingRootOf(store2, task);
  if (root.status !== "completed" || root.task_context.billable === false) {
    store2.deleteWorkItem(root.id);
    return;
  }
  store2.saveWorkItem({
    task_id: root.id,
    client: root.client,
    category: categoryOf(root.task_type),
    problem: root.task_context.user_request ?? root.title,
    solution: solutionOf(store2, root),
    billable_minutes: billingOf(store2, root).minutes,
    date: localDate(root.completed_at ?? store2.now())
  });
}

// src/store/store.ts
var WORK_ITEM_SELECT = `
SELECT w.id, w.task_id, c.name AS client, w.category, w.problem, w.solution, w.billable_minutes, w.date, w.created_at
FROM work_items w LEFT JOIN clients c ON c.id = w.client_id`;
var IdLookupError = class extends Error {
  constructor(message, candidates) {
    super(message);
    this.candidates = candidates;
    this.name = "IdLookupError";
  }
};
var TASK_SELECT = `
SELECT t.id, t.repo_id, t.parent_task_id, t.title, t.description, t.status, t.task_type,
       t.assigned_agent, t.task_context, t.session_id, c.name AS client, p.name AS project,
       t.estimated_complexity, t.position, t.created_at, t.started_at, t.completed_at, t.updated_at
FROM tasks t LEFT JOIN clients c ON c.id = t.client_id LEFT JOIN projects p ON p.id = t.project_id`;
function toTask(row) {
  return { ...row, task_context: JSON.parse(row.task_context) };
}
function encode(value) {
  if (value === null || value === void 0) return null;
  return typeof value === "string" ? value : JSON.stringify(value);
}
var Store = class {
  constructor(db, now = () => (/* @__PURE__ */ new Date()).toISOString()) {
    this.db = db;
    this.now = now;
  }
  statements = /* @__PURE__ */ new Map();
  close() {
    this.db.close();
  }
  /** Runs fn under an IMMEDIATE lock: every read-then-write of the store must. */
  transaction(fn) {
    return this.db.transaction(fn).immediate();
  }
  /** A prepared statement, compiled once per connection. */
  prepare(sql) {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
  // ---- repositories, clients, projects ----
  /** The repository row for a key, created on first use. */
  repo(key, root) {
    const existing = this.repoByKey(key);
    if (existing) {
      if (existing.root !== root) this.prepare("UPDATE repos SET root = ? WHERE id = ?").run(root, existing.id);
      return { ...existing, root };
    }
    this.prepare("INSERT INTO repos (key, root, created_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING").run(key, root, this.now());
    return this.repoByKey(key);
  }
  repoByKey(key) {
    const row = this.prepare(
      `SELECT r.id, r.key, r.root, c.name AS client, p.name AS project, r.rollup
       FROM repos r LEFT JOIN clients c ON c.id = r.client_id LEFT JOIN projects p ON p.id = r.project_id
       WHERE r.key = ?`
    ).get(key);
    return row && { ...row, rollup: row.rollup === 1 };
  }
  setRollup(repoId, on) {
    this.prepare("UPDATE repos SET rollup = ? WHERE id = ?").run(on ? 1 : 0, repoId);
  }
  clientId(name) {
    this.prepare("INSERT INTO clients (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING").run(name, this.now());
    return this.prepare("SELECT id FROM clients WHERE name = ?").get(name).id;
  }
  projectId(name) {
    this.prepare("INSERT INTO projects (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING").run(name, this.now());
    return this.prepare("SELECT id FROM projects WHERE name = ?").get(name).id;
  }
  optionalClientId(name) {
    return name ? this.clientId(name) : null;
  }
  optionalProjectId(name) {
    return name ? this.projectId(name) : null;
  }
  // ---- reading tasks ----
  getTask(id) {
    const row = this.prepare(`${TASK_SELECT} WHERE t.id = ?`).get(id);
    return row && toTask(row);
  }
  /** The task whose id is `prefix` or starts with it; lists the candidates when not exactly one. */
  resolveId(prefix, repoId) {
    const exact = this.getTask(prefix);
    if (exact) return exact.id;
    const pattern = prefix.replace(/[\\%_]/g, (c) => `\\${c}`) + "%";
    const scope = repoId === void 0 ? "" : "AND repo_id = ?";
    const params = repoId === void 0 ? [pattern] : [pattern, repoId];
    const rows = this.prepare(
      `SELECT id, title FROM tasks WHERE id LIKE ? ESCAPE '\\' ${scope} ORDER BY id LIMIT 11`
    ).all(...params);
    if (rows.length === 1) return rows[0].id;
    if (rows.length === 0) {
      const near = this.prepare(
        `SELECT id, title FROM tasks ${repoId === void 0 ? "" : "WHERE repo_id = ?"} ORDER BY updated_at DESC LIMIT 5`
      ).all(...repoId === void 0 ? [] : [repoId]);
      throw new IdLookupError(`no task has an id starting with "${prefix}"`, near);
    }
    throw new IdLookupError(`"${prefix}" matches more than one task; give more of the id`, rows.slice(0, 10));
  }
  listTasks(filter = {}) {
    return [...this.iterateTasks(filter)];
  }
  /** The tasks one at a time, so a command over 100,000 of them need not hold them all. */
  *iterateTasks(filter = {}) {
    const where = [];
    const params = [];
    if (filter.repoId !== void 0) {
      where.push("t.repo_id = ?");
      params.push(filter.repoId);
    }
    if (filter.status) {
      where.push("t.status = ?");
      params.push(filter.status);
    }
    if (filter.client) {
      where.push("c.name = ?");
      params.push(filter.client);
    }
    if (filter.project) {
      where.push("p.name = ?");
      params.push(filter.project);
    }
    if (filter.normal) where.push("t.client_id IS NULL AND t.project_id IS NULL");
    const sql = `${TASK_SELECT} ${where.length ? "WHERE " + where.join(" AND ") : ""} ORDER BY t.position, t.created_at, t.id`;
    for (const row of this.prepare(sql).iterate(...params)) yield toTask(row);
  }
  children(parentId) {
    return this.prepare(`${TASK_SELECT} WHERE t.parent_task_id = ? ORDER BY t.position, t.created_at, t.id`).all(parentId).map(toTask);
  }
  events(taskId) {
    return this.prepare("SELECT * FROM task_events WHERE task_id = ? ORDER BY id").all(taskId);
  }
  dependencies(taskId) {
    return this.prepare("SELECT depends_on FROM task_dependencies WHERE task_id = ? ORDER BY depends_on").all(taskId).map((r) => r.depends_on);
  }
  // ---- writing tasks ----
  log(taskId, field, oldValue, newValue, source, note2) {
    this.prepare(
      "INSERT INTO task_events (task_id, field, old_value, new_value, source, at, note) VALUES (?, ?, ?, ?, ?, ?, ?)"
    ).run(taskId, field, encode(oldValue), encode(newValue), source, this.now(), note2 ?? null);
  }
  createTask(repoId, input, source, note2) {
    const now = this.now();
    const status2 = input.status ?? "pending";
    const timestamps = statusPatch({ status: "pending", started_at: input.started_at ?? null, completed_at: null }, status2, input.created_at ?? now);
    const parent = input.parent_task_id ?? null;
    const position = input.position ?? this.prepare("SELECT COALESCE(MAX(position), -1) + 1 AS next FROM tasks WHERE repo_id = ? AND parent_task_id IS ?").get(repoId, parent).next;
    const insert2 = this.prepare(
      `INSERT INTO tasks (id, repo_id, parent_task_id, title, description, status, task_type, assigned_agent,
        task_context, session_id, client_id, project_id, estimated_complexity, position, created_at, started_at,
        completed_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    );
    let id = input.id ?? newTaskId();
    for (let attempt2 = 0; ; attempt2++) {
      try {
        insert2.run(
          id,
          repoId,
          parent,
          input.title,
          input.description ?? null,
          status2,
          input.task_type ?? null,
          input.assigned_agent ?? null,
          JSON.stringify(input.task_context ?? {}),
          input.session_id ?? null,
          this.optionalClientId(input.client),
          this.optionalProjectId(input.project),
          input.estimated_complexity ?? null,
          position,
          input.created_at ?? now,
          timestamps.started_at,
          input.completed_at ?? timestamps.completed_at,
          now
        );
        break;
      } catch (error) {
        const clash = error.code === "SQLITE_CONSTRAINT_PRIMARYKEY";
        if (!clash || input.id !== void 0 || attempt2 > 3) throw error;
        id = newTaskId();
      }
    }
    this.log(id, "created", null, input.title, source, note2);
    if (status2 !== "pending") this.log(id, "status", "pending", status2, source, note2);
    if (status2 === "completed") settleWorkItem(this, id);
    if (parent && status2 === "in_progress") this.rollUp(parent, status2, source);
    return this.getTask(id);
  }
  /** Changes the given fields, logging each one that really changed. */
  updateTask(id, patch, source, note2) {
    const task = this.requireTask(id);
    const sets = [];
    const params = [];
    for (const [field, value] of Object.entries(patch)) {
      if (value === void 0 || task[field] === value) continue;
      if (field === "client") {
        sets.push("client_id = ?");
        params.push(this.optionalClientId(value));
      } else if (field === "project") {
        sets.push("project_id = ?");
        params.push(this.optionalProjectId(value));
      } else {
        sets.push(`${field} = ?`);
        params.push(value);
      }
      this.log(id, field, task[field], value, source, note2);
    }
    if (sets.length === 0) return task;
    this.prepare(`UPDATE tasks SET ${sets.join(", ")}, updated_at = ? WHERE id = ?`).run(...params, this.now(), id);
    return this.getTask(id);
  }
  /** Sets keys of task_context; null removes a key. Logs each key that changed. */
  updateContext(id, changes, source, note2) {
    const task = this.requireTask(id);
    const context = { ...task.task_context };
    let changed = false;
    for (const [key, value] of Object.entries(changes)) {
      const before = context[key];
      if (JSON.stringify(before) === JSON.stringify(value ?? void 0)) continue;
      if (value === null || value === void 0) delete context[key];
      else context[key] = value;
      this.log(id, `context.${key}`, before, value, source, note2);
      changed = true;
    }
    if (!changed) return task;
    this.prepare("UPDATE tasks SET task_context = ?, updated_at = ? WHERE id = ?").run(JSON.stringify(context), this.now(), id);
    settleWorkItem(this, id);
    return this.getTask(id);
  }
  /** Adds a value to a list in task_context once (files_modified, blockers_encountered, …). */
  addToContextList(id, key, value, source) {
    const task = this.requireTask(id);
    const list2 = task.task_context[key] ?? [];
    if (list2.includes(value)) return task;
    return this.updateContext(id, { [key]: [...list2, value] }, source);
  }
  /**
   * Moves a task to a status: sets the timestamps, records the blocked reason, logs the
   * move and rolls it up to the parents.
   */
  setStatus(id, to, source, options = {}) {
    const task = this.requireTask(id);
    if (to === "blocked" && options.reason !== void 0) {
      this.updateContext(id, { blocked_reason: options.reason }, source, options.note);
    } else if (to !== "blocked" && task.task_context.blocked_reason !== void 0) {
      this.updateContext(id, { blocked_reason: null }, source, options.note);
    }
    if (task.status === to) return this.getTask(id);
    const patch = statusPatch(task, to, this.now());
    this.prepare("UPDATE tasks SET status = ?, started_at = ?, completed_at = ?, updated_at = ? WHERE id = ?").run(
      patch.status,
      patch.started_at,
      patch.completed_at,
      this.now(),
      id
    );
    this.log(id, "status", task.status, to, source, options.note);
    if (task.started_at !== patch.started_at) this.log(id, "started_at", task.started_at, patch.started_at, source, options.note);
    if (task.completed_at !== patch.completed_at) this.log(id, "completed_at", task.completed_at, patch.completed_at, source, options.note);
    if (to === "completed" || task.status === "completed") settleWorkItem(this, id);
    if (task.parent_task_id) this.rollUp(task.parent_task_id, to, source);
    return this.getTask(id);
  }
  /**
   * Parent roll-up: a child starting moves a pending parent to in progress; a parent whose
   * children are all completed or cancelled, one at least completed, becomes completed.
   */
  rollUp(parentId, childStatus, source) {
    const parent = this.getTask(parentId);
    if (!parent || !this.rollupEnabled(parent.repo_id)) return;
    if (childStatus === "in_progress" && parent.status === "pending") {
      this.setStatus(parentId, "in_progress", source, { note: "roll-up: a subtask started" });
      return;
    }
    if (childStatus !== "completed" && childStatus !== "cancelled") return;
    if (parent.status === "completed" || parent.status === "cancelled") return;
    const counts = this.prepare(
      `SELECT SUM(status = 'completed') AS done, SUM(status NOT IN ('completed','cancelled')) AS open FROM tasks WHERE parent_task_id = ?`
    ).get(parentId);
    if (counts.open === 0 && counts.done > 0) {
      this.setStatus(parentId, "completed", source, { note: "roll-up: every subtask is done" });
    }
  }
  rollupEnabled(repoId) {
    return this.prepare("SELECT rollup FROM repos WHERE id = ?").get(repoId)?.rollup === 1;
  }
  addDependency(taskId, dependsOn, source) {
    const added = this.prepare("INSERT OR IGNORE INTO task_dependencies (task_id, depends_on) VALUES (?, ?)").run(taskId, dependsOn);
    if (added.changes > 0) this.log(taskId, "depends_on", null, dependsOn, source);
  }
  /** Removes a task for good (its subtasks move up to its parent); the log keeps its history. */
  deleteTask(id, source, note2) {
    const task = this.requireTask(id);
    for (const child of this.children(id)) this.updateTask(child.id, { parent_task_id: task.parent_task_id }, source, note2);
    this.prepare("DELETE FROM tasks WHERE id = ?").run(id);
    this.log(id, "deleted", task.title, null, source, note2);
  }
  requireTask(id) {
    const task = this.getTask(id);
    if (!task) throw new IdLookupError(`no task has the id "${id}"`, []);
    return task;
  }
  // ---- billing (src/billing/): links, rounding rules, work items ----
  /** Links a repository to a client, a project, or (both null) neither. */
  setRepoLink(repoId, link3) {
    this.prepare("UPDATE repos SET client_id = ?, project_id = ? WHERE id = ?").run(
      this.optionalClientId(link3.client),
      this.optionalProjectId(link3.project),
      repoId
    );
  }
  clientNames() {
    return this.prepare("SELECT name FROM clients ORDER BY name").all().map((r) => r.name);
  }
  projectNames() {
    return this.prepare("SELECT name FROM projects ORDER BY name").all().map((r) => r.name);
  }
  /** The client's rounding rule (the defaults until one is set). */
  roundingRule(client) {
    const row = this.prepare("SELECT increment_minutes, minimum_minutes, rounding FROM clients WHERE name = ?").get(client);
    return row ?? { ...DEFAULT_RULE };
  }
  setRoundingRule(client, rule) {
    this.prepare("UPDATE clients SET increment_minutes = ?, minimum_minutes = ?, rounding = ? WHERE id = ?").run(
      rule.increment_minutes,
      rule.minimum_minutes,
      rule.rounding,
      this.clientId(client)
    );
  }
  billingSetting(key) {
    return this.prepare("SELECT value FROM billing_settings WHERE key = ?").get(key)?.value;
  }
  setBillingSetting(key, value) {
    this.prepare("INSERT INTO billing_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(key, value);
  }
  /** The tasks of one Claude Code session; null: the tasks that came from no session. */
  sessionTasks(sessionId) {
    return this.prepare(`${TASK_SELECT} WHERE t.session_id IS ? ORDER BY t.created_at, t.id`).all(sessionId).map(toTask);
  }
  /** Every logged change to the tasks of one session (null: of no session), in order. */
  sessionEvents(sessionId) {
    return this.prepare(
      "SELECT e.* FROM task_events e JOIN tasks t ON t.id = e.task_id WHERE t.session_id IS ? ORDER BY e.id"
    ).all(sessionId);
  }
  workItem(taskId) {
    return this.prepare(`${WORK_ITEM_SELECT} WHERE w.task_id = ?`).get(taskId);
  }
  /** Work items of a client (or every client) dated within [since, until] (YYYY-MM-DD, inclusive). */
  workItems(filter = {}) {
    return this.prepare(
      `${WORK_ITEM_SELECT} WHERE (? IS NULL OR c.name = ?) AND (? IS NULL OR w.date >= ?) AND (? IS NULL OR w.date <= ?)
       ORDER BY w.date, c.name, w.id`
    ).all(filter.client ?? null, filter.client ?? null, filter.since ?? null, filter.since ?? null, filter.until ?? null, filter.until ?? null);
  }
  /** Creates or replaces the one work item of a task. */
  saveWorkItem(item) {
    this.prepare(
      `INSERT INTO work_items (task_id, client_id, category, problem, solution, billable_minutes, date, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (task_id) DO UPDATE SET client_id = excluded.client_id, category = excluded.category,
         problem = excluded.problem, solution = excluded.solution, billable_minutes = excluded.billable_minutes, date = excluded.date`
    ).run(item.task_id, this.clientId(item.client), item.category, item.problem, item.solution, item.billable_minutes, item.date, this.now());
  }
  deleteWorkItem(taskId) {
    this.prepare("DELETE FROM work_items WHERE task_id = ?").run(taskId);
  }
};

// src/cli/context.ts
var import_node_path5 = require("node:path");
function openContext(invocation) {
  const store2 = new Store(openDatabase(storePath(invocation.env, invocation.globals.db)));
  const start2 = invocation.globals.dir ? (0, import_node_path5.resolve)(invocation.cwd, invocation.globals.dir) : invocation.cwd;
  const project = locateProject(start2, tasktrailHome(invocation.env));
  const repo = store2.repo(project.key, project.root);
  return { store: store2, project, repo };
}

// src/cli/resolve.ts
function findTask(context, typed) {
  try {
    return context.store.requireTask(context.store.resolveId(typed.trim()));
  } catch (error) {
    if (!(error instanceof IdLookupError)) throw error;
    const details2 = error.candidates.map((c) => `  ${c.id}  ${c.title}`);
    if (details2.length) details2.unshift(error.message.includes("more than one") ? "candidates:" : "recent tasks:");
    throw new CliError(`${error.message}; see tasktrail list --all`, 1, details2);
  }
}

// src/store/exchange.ts
var EXPORT_VERSION = 1;
function exportTask(task) {
  return {
    id: task.id,
    parent_task_id: task.parent_task_id,
    title: task.title,
    description: task.description,
    status: task.status,
    task_type: task.task_type,
    assigned_agent: task.assigned_agent,
    task_context: task.task_context,
    session_id: task.session_id,
    client: task.client,
    project: task.project,
    created_at: task.created_at,
    started_at: task.started_at,
    completed_at: task.completed_at
  };
}
function readExportDocument(value) {
  const fail2 = (where, what) => {
    throw new Error(`${where}: ${what}`);
  };
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail2("the file", "is not a JSON object");
  const document = value;
  if (document.version !== EXPORT_VERSION) fail2("the file", `has version ${JSON.stringify(document.version)}; this tasktrail reads version ${EXPORT_VERSION}`);
  if (!Array.isArray(document.tasks)) fail2("the file", 'has no "tasks" array');
  const tasks = document.tasks;
  const ids = /* @__PURE__ */ new Set();
  tasks.forEach((raw, i) => {
    const where = `task ${i + 1}`;
    if (typeof raw !== "object" || raw === null) fail2(where, "is not an object");
    const t = raw;
    if (typeof t.id !== "string" || !isTaskId(t.id)) fail2(where, `has an invalid id ${JSON.stringify(t.id)}`);
    if (ids.has(t.id)) fail2(where, `repeats the id ${t.id}`);
    ids.add(t.id);
    if (typeof t.title !== "string" || t.title === "") fail2(`${where} (${t.id})`, "has no title");
    if (!isStatus(t.status)) fail2(`${where} (${t.id})`, `has status ${JSON.stringify(t.status)}; valid: ${STATUSES.join(", ")}`);
    if (t.task_type !== null && t.task_type !== void 0 && !isTaskType(t.task_type)) {
      fail2(`${where} (${t.id})`, `has type ${JSON.stringify(t.task_type)}; valid: ${TASK_TYPES.join(", ")}`);
    }
    if (t.task_context !== void 0 && (typeof t.task_context !== "object" || t.task_context === null || Array.isArray(t.task_context))) {
      fail2(`${where} (${t.id})`, "has a task_context that is not an object");
    }
    for (const field of ["created_at", "started_at", "completed_at"]) {
      const stamp = t[field];
      if (stamp === null || stamp === void 0 && field !== "created_at") continue;
      if (typeof stamp !== "string" || Number.isNaN(Date.parse(stamp))) fail2(`${where} (${t.id})`, `has an invalid ${field}`);
    }
  });
  for (const raw of tasks) {
    const parent = raw.parent_task_id;
    if (parent !== null && parent !== void 0 && (typeof parent !== "string" || !ids.has(parent))) {
      fail2(`task ${raw.id}`, `has parent ${JSON.stringify(parent)}, which is not in the file`);
    }
  }
  return document;
}
function importDocument(store2, repoId, document, source) {
  const result = { created: 0, updated: 0, unchanged: 0 };
  store2.transaction(() => {
    const positions = /* @__PURE__ */ new Map();
    for (const task of document.tasks) {
      const parent = task.parent_task_id ?? null;
      const position = positions.get(parent) ?? 0;
      positions.set(parent, position + 1);
      const existing = store2.getTask(task.id);
      if (!existing) {
        store2.createTask(repoId, {
          id: task.id,
          title: task.title,
          description: task.description ?? null,
          status: task.status,
          task_type: task.task_type ?? null,
          assigned_agent: task.assigned_agent ?? null,
          task_context: task.task_context ?? {},
          session_id: task.session_id ?? null,
          client: task.client ?? null,
          project: task.project ?? null,
          position,
          created_at: task.created_at,
          started_at: task.started_at ?? null,
          completed_at: task.completed_at ?? null
        }, source, "import");
        result.created++;
        continue;
      }
      const before = JSON.stringify(exportTask(existing));
      store2.updateTask(task.id, {
        title: task.title,
        description: task.description ?? null,
        task_type: task.task_type ?? null,
        assigned_agent: task.assigned_agent ?? null,
        session_id: task.session_id ?? null,
        client: task.client ?? null,
        project: task.project ?? null
      }, source, "import");
      if (existing.status !== task.status) store2.setStatus(task.id, task.status, source, { note: "import" });
      store2.updateTask(task.id, { started_at: task.started_at ?? null, completed_at: task.completed_at ?? null }, source, "import");
      const context = { ...task.task_context ?? {} };
      for (const key of Object.keys(existing.task_context)) if (!(key in context)) context[key] = null;
      store2.updateContext(task.id, context, source, "import");
      if (JSON.stringify(exportTask(store2.getTask(task.id))) === before) result.unchanged++;
      else result.updated++;
    }
    for (const task of document.tasks) {
      const parent = task.parent_task_id ?? null;
      if (store2.getTask(task.id).parent_task_id !== parent) store2.updateTask(task.id, { parent_task_id: parent }, source, "import");
    }
  });
  return result;
}

// src/sync/atomic.ts
var import_node_fs4 = require("node:fs");
var import_node_path6 = require("node:path");
var UnsafeFile = class extends Error {
  constructor(message) {
    super(message);
    this.name = "UnsafeFile";
  }
};
var utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
function readText(path) {
  let stat;
  try {
    stat = (0, import_node_fs4.lstatSync)(path);
  } catch (error) {
    if (error.code === "ENOENT") return null;
    throw error;
  }
  if (!stat.isFile()) {
    const what = stat.isSymbolicLink() ? "a symbolic link" : stat.isDirectory() ? "a directory" : "not a regular file";
    throw new UnsafeFile(`${path} is ${what}; tasktrail reads and writes only a regular file there, and left it alone. Replace it with a file.`);
  }
  const bytes = (0, import_node_fs4.readFileSync)(path);
  try {
    return utf8.decode(bytes);
  } catch {
    throw new UnsafeFile(`${path} is not valid UTF-8; tasktrail left it alone rather than replace bytes it cannot read. Save it as UTF-8.`);
  }
}
var FileChangedDuringSync = class extends Error {
  constructor(path) {
    super(`${path} changed while it was being synced`);
    this.name = "FileChangedDuringSync";
  }
};
function modeFor(path) {
  try {
    const mode = (0, import_node_fs4.lstatSync)(path).mode & 4095;
    if ((mode & 146) === 0) throw new UnsafeFile(`${path} is read-only; tasktrail left it as it is. Make it writable (chmod u+w) to let tasktrail update it.`);
    return mode;
  } catch (error) {
    if (error.code === "ENOENT") return null;
    throw error;
  }
}
function replaceIfUnchanged(path, text2, expected) {
  const mode = modeFor(path);
  const dir = (0, import_node_path6.dirname)(path);
  const temp = (0, import_node_path6.join)(dir, `.${(0, import_node_path6.basename)(path)}.tasktrail-${process.pid}.tmp`);
  let renamed = false;
  try {
    const fd = (0, import_node_fs4.openSync)(temp, "w");
    try {
      (0, import_node_fs4.writeFileSync)(fd, text2);
      if (mode !== null) (0, import_node_fs4.fchmodSync)(fd, mode);
      (0, import_node_fs4.fsyncSync)(fd);
    } finally {
      (0, import_node_fs4.closeSync)(fd);
    }
    if (readText(path) !== expected) throw new FileChangedDuringSync(path);
    (0, import_node_fs4.renameSync)(temp, path);
    renamed = true;
  } catch (error) {
    const name = error.name;
    if (name === "FileChangedDuringSync" || name === "UnsafeFile") throw error;
    throw new UnsafeFile(`could not write ${path} (${error.code ?? error.message}); it was left as it was, and the store keeps the change. The next sync writes it.`);
  } finally {
    if (!renamed) (0, import_node_fs4.rmSync)(temp, { force: true });
  }
  const dirFd = (0, import_node_fs4.openSync)(dir, "r");
  try {
    (0, import_node_fs4.fsyncSync)(dirFd);
  } finally {
    (0, import_node_fs4.closeSync)(dirFd);
  }
}

// src/markdown/blocks.ts
function hashText(text2) {
  let fnv = 2166136261;
  let murmur = 2538058380;
  for (let i = 0; i < text2.length; i++) {
    const code = text2.charCodeAt(i);
    fnv = Math.imul(fnv ^ code, 16777619);
    murmur = Math.imul(murmur ^ code, 1540483477);
    murmur ^= murmur >>> 15;
  }
  return `${text2.length.toString(36)}.${(fnv >>> 0).toString(36)}.${(murmur >>> 0).toString(36)}`;
}
var BLANK = /^[ \t]*\r?$/;
var ATX = /^#{1,6}(?:[ \t]|\r?$)/;
var FENCE_OPEN = /^(`{3,}(?![^\n]*`)|~{3,})/;
var THEMATIC = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})\r?$/;
var LIST_ITEM = /^(?:[-*+]|(\d{1,9})[.)])(?:([ \t]+)(?=[^ \t\r\n])|[ \t]*\r?$)/;
var HTML_ENDS = [
  [/^<(?:script|pre|style|textarea)(?:[ \t>]|\r?$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<![A-Za-z]/, />/],
  [/^<!\[CDATA\[/, /\]\]>/]
];
var HTML_UNTIL_BLANK = /^<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t>]|\/>|\r?$)/i;
var HTML_TAG_LINE = /^(?:<[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[A-Za-z_:][\w.:-]*(?:[ \t]*=[ \t]*(?:[^ \t"'=<>`]+|'[^']*'|"[^"]*"))?)*[ \t]*\/?>|<\/[A-Za-z][A-Za-z0-9-]*[ \t]*>)[ \t]*\r?$/;
function indentOf(text2) {
  let columns = 0;
  let at = 0;
  for (; at < text2.length; at++) {
    const char = text2[at];
    if (char === " ") columns++;
    else if (char === "	") columns += 4 - columns % 4;
    else break;
  }
  return { columns, at };
}
function htmlStart(rest, paragraph) {
  for (const [open, close] of HTML_ENDS) if (open.test(rest)) return close;
  if (HTML_UNTIL_BLANK.test(rest)) return "blank";
  if (!paragraph && HTML_TAG_LINE.test(rest)) return "blank";
  return null;
}
function startsBlock(rest) {
  return ATX.test(rest) || FENCE_OPEN.test(rest) || THEMATIC.test(rest) || LIST_ITEM.test(rest) || rest.startsWith(">") || htmlStart(rest, true) !== null;
}
function fenceCloses(text2, fence) {
  const { columns, at } = indentOf(text2);
  if (columns > 3) return false;
  const rest = text2.slice(at).replace(/[ \t\r]+$/, "");
  return rest.length >= fence.length && rest === fence[0].repeat(rest.length);
}
var NOWHERE = /* @__PURE__ */ new Set();
function splitBlocks(source, from, line = 1, stopAt = NOWHERE) {
  const spans = [];
  let spanStart = from;
  let spanLine = line;
  let fence = null;
  let html = null;
  let item = null;
  let paragraph = false;
  let previousBlank = true;
  for (let at = from; at < source.length; line++) {
    const newline = source.indexOf("\n", at);
    const next = newline === -1 ? source.length : newline + 1;
    const text2 = source.slice(at, newline === -1 ? source.length : newline);
    const blank = BLANK.test(text2);
    if (fence !== null) {
      if (fenceCloses(text2, fence)) fence = null;
    } else if (html !== null) {
      if (html === "blank" ? blank : html.test(text2)) html = null;
    } else if (blank) {
      paragraph = false;
    } else {
      const { columns, at: restAt } = indentOf(text2);
      const rest = text2.slice(restAt);
      if (columns === 0 && at > spanStart && (previousBlank || ATX.test(rest))) {
        spans.push({ start: spanStart, end: at, line: spanLine });
        if (stopAt.has(at)) return spans;
        spanStart = at;
        spanLine = line;
      }
      const inItem = item !== null && (columns >= item || !previousBlank && !startsBlock(rest));
      if (!inItem) {
        item = null;
        if (columns >= 4) {
        } else if (FENCE_OPEN.test(rest)) {
          fence = FENCE_OPEN.exec(rest)[1];
          paragraph = false;
        } else if (htmlStart(rest, paragraph) !== null) {
          const end = htmlStart(rest, paragraph);
          html = end === "blank" || !end.test(rest.slice(2)) ? end : null;
          paragraph = false;
        } else if (ATX.test(rest) || THEMATIC.test(rest)) {
          paragraph = false;
        } else {
          const listItem = LIST_ITEM.exec(rest);
          const interrupts = listItem !== null && paragraph && (listItem[2] === void 0 || listItem[1] !== void 0 && listItem[1] !== "1");
          if (listItem && !interrupts) {
            const markerWidth = listItem[1] === void 0 ? 1 : listItem[1].length + 1;
            const gap = listItem[2] === void 0 ? 1 : indentOf(listItem[2]).columns;
            item = columns + markerWidth + (gap > 4 ? 1 : gap);
            paragraph = false;
          } else {
            paragraph = true;
          }
        }
      }
    }
    previousBlank = blank;
    at = next;
  }
  if (spanStart < source.length) spans.push({ start: spanStart, end: source.length, line: spanLine });
  return spans;
}

// src/sync/content-hash.ts
var last;
function contentHash(text2) {
  if (last?.text === text2) return last.hash;
  const hash = hashText(text2);
  last = { text: text2, hash };
  return hash;
}

// src/sync/bases.ts
function findBase(store2, root, branch) {
  return store2.prepare("SELECT id, root, branch, head, file_hash, event_mark FROM sync_bases WHERE root = ? AND branch = ?").get(root, branch);
}
var lastParsed;
function baseParsed(store2, base) {
  if (base.file_hash !== null && lastParsed?.fileHash === base.file_hash) return lastParsed.parsed;
  const parsed = decodeParsed(store2.prepare("SELECT parsed FROM sync_base_files WHERE base_id = ?").get(base.id).parsed);
  if (base.file_hash !== null) lastParsed = { fileHash: base.file_hash, parsed };
  return parsed;
}
function saveBase(store2, fields) {
  store2.prepare(
    `INSERT INTO sync_bases (repo_id, root, branch, head, file_hash, event_mark, synced_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (root, branch) DO UPDATE SET repo_id = excluded.repo_id, head = excluded.head, file_hash = excluded.file_hash,
         event_mark = excluded.event_mark, synced_at = excluded.synced_at`
  ).run(fields.repoId, fields.root, fields.branch, fields.head, fields.fileHash, fields.eventMark, store2.now());
  const id = findBase(store2, fields.root, fields.branch).id;
  store2.prepare("INSERT INTO sync_base_files (base_id, parsed) VALUES (?, ?) ON CONFLICT (base_id) DO UPDATE SET parsed = excluded.parsed").run(id, encodeParsed(fields.parsed));
  if (fields.fileHash !== null) lastParsed = { fileHash: fields.fileHash, parsed: fields.parsed };
  return id;
}
function encodeParsed(parsed) {
  const tasks = parsed.tasks.map((t) => {
    const s = t.start;
    return [
      t.id,
      t.title,
      t.status,
      t.meta.type ?? null,
      t.meta.agent ?? null,
      t.meta.reason ?? null,
      t.parent,
      t.order,
      t.depth,
      t.line,
      s,
      t.bullet - s,
      t.marker - s,
      t.titleStart - s,
      t.titleEnd - s,
      t.tailEnd - s,
      t.end - s
    ];
  });
  return JSON.stringify({ ...parsed, tasks, packed: 1 });
}
function decodeParsed(json) {
  const stored = JSON.parse(json);
  if (stored.packed !== 1) return stored;
  const { packed: _packed, tasks, ...rest } = stored;
  return {
    ...rest,
    // Indexed, not destructured: destructuring goes through the array iterator, slow before the JIT warms up.
    tasks: tasks.map((p) => {
      const meta = {};
      if (p[3] !== null) meta.type = p[3];
      if (p[4] !== null) meta.agent = p[4];
      if (p[5] !== null) meta.reason = p[5];
      const s = p[10];
      return {
        id: p[0],
        title: p[1],
        status: p[2],
        meta,
        parent: p[6],
        order: p[7],
        depth: p[8],
        line: p[9],
        start: s,
        bullet: s + p[11],
        marker: s + p[12],
        titleStart: s + p[13],
        titleEnd: s + p[14],
        tailEnd: s + p[15],
        end: s + p[16]
      };
    })
  };
}
function advanceBase(store2, baseId, head, eventMark2) {
  store2.prepare("UPDATE sync_bases SET head = ?, event_mark = ?, synced_at = ? WHERE id = ?").run(head, eventMark2, store2.now(), baseId);
}
function eventMark(store2) {
  return store2.prepare("SELECT COALESCE(MAX(id), 0) AS mark FROM task_events").get().mark;
}
var FIELD_OF_EVENT = {
  title: "title",
  status: "status",
  task_type: "type",
  assigned_agent: "agent",
  "context.blocked_reason": "reason",
  parent_task_id: "parent"
};
function storeChangesSince(store2, repoId, mark) {
  const rows = store2.prepare(
    `SELECT e.task_id, e.field FROM task_events e
       WHERE e.id > ? AND (EXISTS (SELECT 1 FROM tasks t WHERE t.id = e.task_id AND t.repo_id = ?) OR e.field = 'deleted')
       ORDER BY e.id`
  ).all(mark, repoId);
  const changes = /* @__PURE__ */ new Map();
  for (const row of rows) {
    let change = changes.get(row.task_id);
    if (!change) changes.set(row.task_id, change = { fields: /* @__PURE__ */ new Set(), created: false, deleted: false });
    if (row.field === "created") change.created = true;
    else if (row.field === "deleted") change.deleted = true;
    const field = FIELD_OF_EVENT[row.field];
    if (field) change.fields.add(field);
  }
  return changes;
}
function homelessTasks(store2, repoId) {
  return store2.prepare("SELECT id FROM tasks t WHERE repo_id = ? AND NOT EXISTS (SELECT 1 FROM sync_homes h WHERE h.task_id = t.id) ORDER BY position, created_at, id").all(repoId).map((r) => r.id);
}
function homeOf(store2, taskId) {
  return store2.prepare("SELECT base_id FROM sync_homes WHERE task_id = ?").get(taskId)?.base_id;
}
function setHomes(store2, baseId, taskIds) {
  const insert2 = store2.prepare("INSERT OR IGNORE INTO sync_homes (task_id, base_id) VALUES (?, ?)");
  for (const id of taskIds) insert2.run(id, baseId);
}
function recordResolution(store2, taskId, field, lost, kept, rule, source = "merge") {
  const encode2 = (v) => v === null || v === void 0 ? null : typeof v === "string" ? v : JSON.stringify(v);
  store2.prepare("INSERT INTO task_events (task_id, field, old_value, new_value, source, at, note) VALUES (?, ?, ?, ?, ?, ?, ?)").run(taskId, field, encode2(lost), encode2(kept), source, store2.now(), rule);
}

// src/sync/engine.ts
var import_node_fs7 = require("node:fs");
var import_node_path9 = require("node:path");

// src/sync/head.ts
var import_node_fs5 = require("node:fs");
var import_node_path7 = require("node:path");
var NO_GIT = { branch: "HEAD", commit: null };
function readHead(gitDir) {
  if (!gitDir) return NO_GIT;
  const head = (0, import_node_fs5.readFileSync)((0, import_node_path7.join)(gitDir, "HEAD"), "utf8").trim();
  const ref = /^ref:\s*(\S+)$/.exec(head)?.[1];
  if (!ref) return { branch: "HEAD", commit: head };
  return { branch: ref, commit: resolveRef(commonDirOf(gitDir), ref) };
}
function resolveRef(commonDir, ref) {
  try {
    return (0, import_node_fs5.readFileSync)((0, import_node_path7.join)(commonDir, ref), "utf8").trim();
  } catch {
    try {
      const packed = (0, import_node_fs5.readFileSync)((0, import_node_path7.join)(commonDir, "packed-refs"), "utf8");
      return packed.split("\n").find((line) => line.endsWith(` ${ref}`))?.split(" ")[0] ?? null;
    } catch {
      return null;
    }
  }
}

// src/markdown/offsets.ts
function shiftedTask(task, delta, lines, parent = task.parent) {
  return {
    id: task.id,
    title: task.title,
    status: task.status,
    meta: task.meta,
    parent,
    order: task.order,
    depth: task.depth,
    line: task.line + lines,
    start: task.start + delta,
    bullet: task.bullet + delta,
    marker: task.marker + delta,
    titleStart: task.titleStart + delta,
    titleEnd: task.titleEnd + delta,
    tailEnd: task.tailEnd + delta,
    end: task.end + delta
  };
}

// src/markdown/lines.ts
var BLANK_LINE = /^[ \t>]*\r?$/;
function countNewlines(text2) {
  let count2 = 0;
  for (let at = text2.indexOf("\n"); at !== -1; at = text2.indexOf("\n", at + 1)) count2++;
  return count2;
}
function endOfContentBefore(source, position, from) {
  let end = position;
  while (end > from) {
    const contentEnd = source[end - 1] === "\n" ? end - 1 : end;
    const lineStart = Math.max(from, source.lastIndexOf("\n", contentEnd - 1) + 1);
    if (!BLANK_LINE.test(source.slice(lineStart, contentEnd))) return end;
    end = lineStart;
  }
  return from;
}
function skipBlankLines(source, at) {
  for (; ; ) {
    const newline = source.indexOf("\n", at);
    if (newline === -1 || !BLANK_LINE.test(source.slice(at, newline))) return at;
    at = newline + 1;
  }
}
function eolOf(source) {
  const newline = source.indexOf("\n");
  return newline > 0 && source[newline - 1] === "\r" ? "\r\n" : "\n";
}
function columnsOf(text2, from = 0) {
  let column = from;
  for (const char of text2) column = char === "	" ? column + 4 - column % 4 : column + 1;
  return column - from;
}
function expandIndent(line, from) {
  const indent = /^[ \t]*/.exec(line)?.[0] ?? "";
  return " ".repeat(columnsOf(indent, from)) + line.slice(indent.length);
}

// src/markdown/task-line.ts
var MARKER_STATUS = {
  " ": "pending",
  x: "completed",
  X: "completed",
  "\u2713": "completed",
  "\u2714": "completed",
  "/": "in_progress",
  "\u2192": "in_progress",
  "!": "blocked",
  "-": "cancelled",
  "~": "cancelled"
};
var CANONICAL_MARKER = {
  pending: " ",
  in_progress: "/",
  blocked: "!",
  completed: "x",
  cancelled: "-"
};
var GFM_MARKER = {
  pending: " ",
  in_progress: " ",
  blocked: " ",
  completed: "x",
  cancelled: "x"
};
var STATUS_WORD = {
  pending: "pending",
  in_progress: "in progress",
  blocked: "blocked",
  completed: "completed",
  cancelled: "cancelled"
};
var WORD_STATUS = new Map(Object.entries(STATUS_WORD).map(([status2, word]) => [word, status2]));
function markerFor(status2, profile) {
  return (profile === "gfm" ? GFM_MARKER : CANONICAL_MARKER)[status2];
}
function refine(marked, token) {
  if (marked === "pending" && (token === "in_progress" || token === "blocked")) return token;
  if (marked === "completed" && token === "cancelled") return token;
  return marked;
}
var ID_COMMENT = /[ \t]+<!--[ \t]*(t-[0-9a-hjkmnp-tv-z]{4,12})[ \t]*-->$/;
var STOP_COMMENT = /[ \t]+<!--[ \t]*-->$/;
var TOKEN = /[ \t]+\[(type|agent|reason|status)::((?:\\[^\n]|[^\\\]\n])*)\]$/;
var ESCAPED = /\\([!-/:-@[-`{-~])/g;
var STOP = "<!-- -->";
function decodeValue(raw) {
  return raw.trim().replace(ESCAPED, "$1");
}
function readTail(text2, from, to) {
  const tail = { titleEnd: to, id: null, meta: {}, status: void 0, stop: false, elements: 0 };
  const seen = /* @__PURE__ */ new Set();
  for (; ; ) {
    const rest = text2.slice(from, tail.titleEnd);
    const id = ID_COMMENT.exec(rest);
    if (id) {
      if (tail.id !== null) return tail;
      tail.id = id[1];
      tail.titleEnd = from + id.index;
      tail.elements++;
      continue;
    }
    const stop = STOP_COMMENT.exec(rest);
    if (stop) {
      tail.stop = true;
      tail.titleEnd = from + stop.index;
      tail.elements++;
      return tail;
    }
    const token = TOKEN.exec(rest);
    if (!token) return tail;
    const key = token[1];
    const value = decodeValue(token[2]);
    if (seen.has(key) || value === "") return tail;
    if (key === "type") {
      if (!isTaskType(value)) return tail;
      tail.meta.type = value;
    } else if (key === "status") {
      const status2 = WORD_STATUS.get(value);
      if (status2 === void 0) return tail;
      tail.status = status2;
    } else {
      tail.meta[key] = value;
    }
    seen.add(key);
    tail.titleEnd = from + token.index;
    tail.elements++;
  }
}
function needsStop(title) {
  return readTail(title, 0, title.length).elements > 0;
}
var TASK_START = /^(?:[-*+]|\d{1,9}[.)])[ \t]+\[([^\]\n])\][ \t]+(?=[^ \t\r\n])/;
function readTaskLine(source, bullet) {
  let lineEnd = source.indexOf("\n", bullet);
  if (lineEnd === -1) lineEnd = source.length;
  const text2 = source.slice(bullet, lineEnd);
  const start2 = TASK_START.exec(text2);
  if (!start2) return null;
  const markerChar = start2[1];
  const marked = MARKER_STATUS[markerChar];
  if (marked === void 0) return null;
  let to = text2.length;
  while (to > 0 && /[ \t\r]/.test(text2[to - 1])) to--;
  const from = start2[0].length;
  const tail = readTail(text2, from, to);
  return {
    marker: bullet + start2[0].indexOf("["),
    markerChar,
    status: refine(marked, tail.status),
    titleStart: bullet + from,
    titleEnd: bullet + tail.titleEnd,
    tailEnd: bullet + to,
    title: text2.slice(from, tail.titleEnd),
    id: tail.id,
    meta: tail.meta,
    statusToken: tail.status !== void 0,
    stop: tail.stop
  };
}
function encodeValue(value) {
  return value.replace(/\s+/g, " ").trim().replace(/[\\\[\]<`]/g, "\\$&");
}
function normalizeValue(value) {
  return value.replace(/\s+/g, " ").trim();
}
function formatTail(title, status2, meta, id, profile) {
  let tail = needsStop(title) ? ` ${STOP}` : "";
  if (profile === "gfm" && status2 !== "pending" && status2 !== "completed") tail += ` [status:: ${STATUS_WORD[status2]}]`;
  if (meta.type !== void 0) tail += ` [type:: ${meta.type}]`;
  for (const key of ["agent", "reason"]) {
    const value = meta[key] === void 0 ? "" : encodeValue(meta[key]);
    if (value !== "") tail += ` [${key}:: ${value}]`;
  }
  return `${tail} <!-- ${id} -->`;
}
function formatTaskText(task, profile) {
  assertTitle(task.title);
  return `[${markerFor(task.status, profile)}] ${task.title}${formatTail(task.title, task.status, task.meta, task.id, profile)}`;
}
function writtenMeta(meta) {
  const written = {};
  if (meta.type !== void 0) written.type = meta.type;
  for (const key of ["agent", "reason"]) {
    const value = meta[key] === void 0 ? "" : normalizeValue(meta[key]);
    if (value !== "") written[key] = value;
  }
  return written;
}
function assertTitle(title) {
  if (title === "" || /^\s|\s$|[\r\n\0]/.test(title)) {
    throw new Error(
      `A task title must be one line of markdown without leading or trailing blanks; got ${JSON.stringify(title.slice(0, 80))}. Nothing was written. Pass text from elsewhere through plainTitle() first.`
    );
  }
}

// src/markdown/splice.ts
var BULLET = /^(?:[-*+]|(\d{1,9})([.)]))/;
function fail(message) {
  throw new Error(`${message} Nothing was written.`);
}
function find(state, id) {
  const index = state.parsed.tasks.findIndex((task) => task.id === id);
  if (index === -1) fail(`TASKS.md has no task with id ${id}.`);
  return index;
}
function parentIndex(state, id) {
  return id === null ? null : find(state, id);
}
function assertNewId(state, id) {
  if (!isTaskId(id)) fail(`${JSON.stringify(id)} is not a task id (t- and 4 to 12 of 0-9, a-z without i, l, o, u).`);
  if (state.parsed.tasks.some((task) => task.id === id)) fail(`TASKS.md already has a task with id ${id}.`);
}
function lastDescendant(tasks, index) {
  const end = tasks[index].end;
  let last2 = index;
  while (last2 + 1 < tasks.length && tasks[last2 + 1].start < end) last2++;
  return last2;
}
function reread(text2, textStart, task) {
  const read2 = readTaskLine(text2, task.bullet - textStart);
  if (!read2) throw new Error(`tasktrail bug: the line written for task ${task.id ?? task.line} is not a task line.`);
  const { title, id, meta, status: status2 } = read2;
  const [marker, titleStart, titleEnd, tailEnd] = [read2.marker, read2.titleStart, read2.titleEnd, read2.tailEnd].map((offset) => offset + textStart);
  return { ...task, marker, titleStart, titleEnd, tailEnd, title, id, meta, status: status2 };
}
function sameMeta(a, b) {
  return a.type === b.type && a.agent === b.agent && a.reason === b.reason;
}
function replaceInLine(state, index, from, to, text2) {
  const { source, parsed } = state;
  const result = source.slice(0, from) + text2 + source.slice(to);
  const delta = text2.length - (to - from);
  const tasks = parsed.tasks.slice();
  const edited = parsed.tasks[index];
  const lineEnd = source.indexOf("\n", to);
  const line = source.slice(edited.start, from) + text2 + source.slice(to, lineEnd === -1 ? source.length : lineEnd);
  tasks[index] = reread(line, edited.start, { ...edited, end: edited.end + delta });
  if (delta !== 0) {
    for (let k = index + 1; k < tasks.length; k++) tasks[k] = shiftedTask(tasks[k], delta, 0);
    for (let k = edited.parent; k !== null; k = tasks[k].parent) {
      const above = tasks[k];
      tasks[k] = { ...above, end: above.end + delta };
    }
  }
  const blocks = parsed.blocks.map((block2) => {
    if (block2.end < from || block2.end === from && from < source.length) return block2;
    if (block2.start > from) return delta === 0 ? block2 : { ...block2, start: block2.start + delta, end: block2.end + delta };
    return { ...block2, end: block2.end + delta, hash: hashText(source.slice(block2.start, from) + text2 + source.slice(to, block2.end)) };
  });
  return { ...state, source: result, parsed: { ...parsed, tasks, blocks, length: result.length } };
}
function rewriteTask(state, index, change) {
  const { source, parsed } = state;
  const task = parsed.tasks[index];
  const status2 = change.status ?? task.status;
  const title = change.title ?? task.title;
  const meta = change.meta ?? task.meta;
  if (status2 === task.status && title === task.title && sameMeta(meta, task.meta)) return state;
  const read2 = readTaskLine(source, task.bullet);
  if (!read2) throw new Error(`tasktrail bug: task ${task.id} does not start a task line.`);
  const gap = source.slice(task.marker + 3, task.titleStart);
  const statusChanged = status2 !== task.status;
  const tailChanges = !sameMeta(meta, task.meta) || title !== task.title && needsStop(title) && !read2.stop || statusChanged && (parsed.profile === "gfm" || read2.statusToken);
  if (tailChanges) {
    const line = `[${markerFor(status2, parsed.profile)}]${gap}${title}${formatTail(title, status2, meta, task.id, parsed.profile)}`;
    return replaceInLine(state, index, task.marker, task.tailEnd, line);
  }
  const marker = statusChanged ? markerFor(status2, parsed.profile) : read2.markerChar;
  return replaceInLine(state, index, task.marker, task.titleEnd, `[${marker}]${gap}${title}`);
}
function withOrders(tasks) {
  const children = [];
  let topLevel = 0;
  for (const task of tasks) {
    task.order = task.parent === null ? topLevel++ : (children[task.parent] = (children[task.parent] ?? 0) + 1) - 1;
  }
  return tasks;
}
function rebuildBlocks(parsed, source, editStart, oldEditEnd, newEditEnd) {
  const delta = newEditEnd - oldEditEnd;
  const byStart = new Map(parsed.blocks.map((block2) => [block2.start, block2]));
  return splitBlocks(source, parsed.bom ? 1 : 0).map((span) => {
    let old;
    if (span.end <= editStart) old = byStart.get(span.start);
    else if (span.start >= newEditEnd) old = byStart.get(span.start - delta);
    const same = old !== void 0 && old.end - old.start === span.end - span.start && (span.end <= editStart || old.start >= oldEditEnd);
    return { ...span, hash: same ? old.hash : hashText(source.slice(span.start, span.end)) };
  });
}
function lineAt(parsed, source, offset) {
  const block2 = parsed.blocks.find((candidate) => offset >= candidate.start && offset <= candidate.end);
  return block2 ? block2.line + countNewlines(source.slice(block2.start, offset)) : 1;
}
function extract(source, tasks, index, last2) {
  const root = tasks[index];
  const prefix = source.slice(root.start, root.bullet);
  const lines = source.slice(root.start, root.end).split("\n").map((line) => line.replace(/\r$/, ""));
  if (lines[lines.length - 1] === "") lines.pop();
  const lineStarts = [];
  for (let at = root.start, k = 0; k < lines.length; k++) {
    lineStarts.push(at);
    at = source.indexOf("\n", at) + 1;
  }
  const prefixColumns = columnsOf(prefix);
  const rest = lines.slice(1).map((line) => {
    if (line.startsWith(prefix)) {
      const after = line.slice(prefix.length);
      return prefixColumns % 4 === 0 ? after : expandIndent(after, prefixColumns);
    }
    if (BLANK_LINE.test(line) || /[^ \t]/.test(prefix)) return BLANK_LINE.test(line) ? "" : line;
    const indent = /^[ \t]*/.exec(line)?.[0] ?? "";
    return " ".repeat(Math.max(0, columnsOf(indent) - prefixColumns)) + line.slice(indent.length);
  });
  const taskLines = (task) => {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= task.start) line++;
    let endLine = line + 1;
    while (endLine < lineStarts.length && lineStarts[endLine] < task.end) endLine++;
    return { line, endLine };
  };
  const fragmentTasks = [];
  for (let k = index; k <= last2; k++) {
    const task = tasks[k];
    const { line, endLine } = taskLines(task);
    fragmentTasks.push({
      line,
      endLine,
      fromEnd: lines[line].length - (task.bullet - task.start),
      parent: task.parent === null || k === index ? null : task.parent - index,
      depth: task.depth - root.depth
    });
  }
  return { first: lines[0].slice(root.marker - root.start), contentWidth: root.marker - root.bullet, rest, tasks: fragmentTasks };
}
function nextInList(state, index) {
  const { source, parsed } = state;
  const task = parsed.tasks[index];
  const next = lastDescendant(parsed.tasks, index) + 1;
  const sibling = parsed.tasks[next];
  if (sibling === void 0 || sibling.parent !== task.parent) return null;
  return sibling.start === task.end || blankBetween(source, task.end, sibling.start) ? next : null;
}
function keepListStart(state, index) {
  const { source, parsed } = state;
  const task = parsed.tasks[index];
  const next = nextInList(state, index);
  if (next === null) return state;
  const previous = parsed.tasks.findIndex((candidate, k) => k < index && candidate.parent === task.parent && nextInList(state, k) === index);
  const number = bulletOf(source, task)[1];
  const sibling = parsed.tasks[next];
  const nextNumber = bulletOf(source, sibling)[1];
  if (previous !== -1 || number === void 0 || nextNumber === void 0 || nextNumber === number) return state;
  return replaceInLine(state, next, sibling.bullet, sibling.bullet + nextNumber.length, number);
}
function remove(before, index) {
  const state = keepListStart(before, index);
  const { source, parsed } = state;
  const from = parsed.bom ? 1 : 0;
  const task = parsed.tasks[index];
  const last2 = lastDescendant(parsed.tasks, index);
  const fragment = extract(source, parsed.tasks, index, last2);
  let start2 = task.start;
  let end = task.end;
  if (end === source.length && !source.endsWith("\n")) {
    start2 = endOfContentBefore(source, start2, from);
    if (start2 > from) start2 -= source[start2 - 2] === "\r" ? 2 : 1;
  } else if (start2 === from || BLANK_LINE.test(source.slice(source.lastIndexOf("\n", start2 - 2) + 1, start2 - 1))) {
    end = skipBlankLines(source, end);
  }
  const result = source.slice(0, start2) + source.slice(end);
  const delta = end - start2;
  const lines = countNewlines(source.slice(start2, end));
  const removed = last2 - index + 1;
  const tasks = [];
  for (const [k, old] of parsed.tasks.entries()) {
    if (k >= index && k <= last2) continue;
    const moved = old.start >= end;
    const shift = moved ? delta : 0;
    tasks.push({
      ...old,
      parent: old.parent === null || old.parent < index ? old.parent : old.parent - removed,
      line: moved ? old.line - lines : old.line,
      start: old.start - shift,
      bullet: old.bullet - shift,
      marker: old.marker - shift,
      titleStart: old.titleStart - shift,
      titleEnd: old.titleEnd - shift,
      tailEnd: old.tailEnd - shift,
      end: old.end > end ? old.end - delta : old.end > start2 ? endOfContentBefore(result, start2, from) : old.end
    });
  }
  const next = {
    ...parsed,
    tasks: withOrders(tasks),
    length: result.length,
    eol: eolOf(result),
    finalNewline: result.endsWith("\n"),
    blocks: rebuildBlocks(parsed, result, start2, end, start2)
  };
  return { state: { ...state, source: result, parsed: next }, fragment };
}
function bulletOf(source, task) {
  return BULLET.exec(source.slice(task.bullet, task.bullet + 11));
}
function bulletAfter(source, last2, before) {
  const bullet = bulletOf(source, last2);
  if (bullet[1] === void 0) return bullet[0];
  const number = Number(bullet[1]);
  const repeats = before !== void 0 && bulletOf(source, before)[1] === bullet[1];
  return `${repeats ? number : number + 1}${bullet[2]}`;
}
function blankBetween(source, start2, end) {
  return start2 < end && /^(?:[ \t>]*\r?\n)+$/.test(source.slice(start2, end));
}
function childIndent(state, parent) {
  const { source, parsed } = state;
  const width = parent.marker - parent.bullet;
  const counts = /* @__PURE__ */ new Map();
  for (const task of parsed.tasks) {
    if (task.parent === null) continue;
    const above = parsed.tasks[task.parent];
    const own = source.slice(task.start, task.bullet);
    const theirs = source.slice(above.start, above.bullet);
    if (!own.startsWith(theirs)) continue;
    const step = own.slice(theirs.length);
    counts.set(step, (counts.get(step) ?? 0) + 1);
  }
  let best;
  for (const [step, count2] of counts) if (best === void 0 || count2 > counts.get(best)) best = step;
  const fits = (step) => step === "	" ? width <= 4 : /^ +$/.test(step) && step.length >= width && step.length < width + 4;
  return best !== void 0 && fits(best) ? best : " ".repeat(width);
}
function placement(state, parent, index) {
  const { source, parsed } = state;
  const { tasks } = parsed;
  const { eol } = state;
  const siblings = tasks.flatMap((task, k) => task.parent === parent ? [k] : []);
  const atEnd = (place) => place.at === source.length && !source.endsWith("\n") && place.at > (parsed.bom ? 1 : 0) ? { ...place, lead: eol + place.lead, trail: "" } : place;
  const position = Math.max(0, Math.min(index ?? siblings.length, siblings.length));
  if (position < siblings.length) {
    const next = tasks[siblings[position]];
    const before = position > 0 ? tasks[siblings[position - 1]] : void 0;
    const after = position + 1 < siblings.length ? tasks[siblings[position + 1]] : void 0;
    const loose = before !== void 0 && blankBetween(source, before.end, next.start) || after !== void 0 && blankBetween(source, next.end, after.start);
    return { at: next.start, prefix: source.slice(next.start, next.bullet), bullet: bulletOf(source, next)[0], lead: "", trail: loose ? eol + eol : eol };
  }
  if (siblings.length > 0) {
    const last2 = tasks[siblings[siblings.length - 1]];
    const before = siblings.length > 1 ? tasks[siblings[siblings.length - 2]] : void 0;
    const loose = before !== void 0 && blankBetween(source, before.end, last2.start);
    return atEnd({ at: last2.end, prefix: source.slice(last2.start, last2.bullet), bullet: bulletAfter(source, last2, before), lead: loose ? eol : "", trail: eol });
  }
  if (parent !== null) {
    const above = tasks[parent];
    const bullet = bulletOf(source, above);
    return atEnd({
      at: above.end,
      prefix: source.slice(above.start, above.bullet) + childIndent(state, above),
      bullet: bullet[1] === void 0 ? bullet[0] : `1${bullet[2]}`,
      lead: "",
      trail: eol
    });
  }
  const from = parsed.bom ? 1 : 0;
  const lastLine = source.slice(source.lastIndexOf("\n", source.length - 2) + 1, source.length - 1);
  if (source.length === from) return { at: from, prefix: "", bullet: "-", lead: "", trail: state.finalNewline ? eol : "" };
  if (!source.endsWith("\n")) return { at: source.length, prefix: "", bullet: "-", lead: eol + eol, trail: "" };
  return { at: source.length, prefix: "", bullet: "-", lead: BLANK_LINE.test(lastLine) ? "" : eol, trail: eol };
}
function insert(state, parent, index, fragment) {
  const { source, parsed, eol } = state;
  const place = placement(state, parent, index);
  const gap = " ".repeat(Math.max(1, fragment.contentWidth - place.bullet.length));
  const pad = " ".repeat(Math.max(0, place.bullet.length + gap.length - fragment.contentWidth));
  const lines = [
    place.prefix + place.bullet + gap + fragment.first,
    ...fragment.rest.map((line) => {
      if (line === "") return place.prefix.trimEnd();
      const column = columnsOf(place.prefix + pad);
      return place.prefix + pad + (column % 4 === 0 ? line : expandIndent(line, 0));
    })
  ];
  const lineStarts = [];
  let text2 = place.lead;
  for (const [k, line] of lines.entries()) {
    lineStarts.push(place.at + text2.length);
    text2 += line + (k < lines.length - 1 ? eol : "");
  }
  text2 += place.trail;
  const lineEnd = (k) => Math.min(place.at + text2.length, lineStarts[k] + lines[k].length + eol.length);
  const at = place.at;
  const result = source.slice(0, at) + text2 + source.slice(at);
  const delta = text2.length;
  const addedLines = countNewlines(text2);
  const count2 = fragment.tasks.length;
  const ancestors = /* @__PURE__ */ new Set();
  for (let k = parent; k !== null; k = parsed.tasks[k].parent) ancestors.add(k);
  const fragmentEnd = lineEnd(lines.length - 1);
  let position = parsed.tasks.findIndex((task) => task.start >= at);
  if (position === -1) position = parsed.tasks.length;
  const tasks = parsed.tasks.map((old, k) => {
    const moved = old.start >= at;
    const shift = moved ? delta : 0;
    let end = old.end > at ? old.end + delta : old.end;
    if (ancestors.has(k)) end = Math.max(end, fragmentEnd);
    else if (old.end === at && place.trail === "") end += eol.length;
    return {
      ...old,
      parent: old.parent === null || old.parent < position ? old.parent : old.parent + count2,
      line: moved ? old.line + addedLines : old.line,
      start: old.start + shift,
      bullet: old.bullet + shift,
      marker: old.marker + shift,
      titleStart: old.titleStart + shift,
      titleEnd: old.titleEnd + shift,
      tailEnd: old.tailEnd + shift,
      end
    };
  });
  const firstLine = lineAt(parsed, source, at) + countNewlines(place.lead);
  const depth = parent === null ? 0 : parsed.tasks[parent].depth + 1;
  const inserted = fragment.tasks.map((piece) => {
    const start2 = lineStarts[piece.line];
    const bullet = piece.line === 0 ? start2 + place.prefix.length : start2 + lines[piece.line].length - piece.fromEnd;
    const blank = {
      id: null,
      title: "",
      status: "pending",
      meta: {},
      parent: piece.parent === null ? parent : position + piece.parent,
      order: 0,
      depth: depth + piece.depth,
      line: firstLine + piece.line,
      start: start2,
      bullet,
      marker: bullet,
      titleStart: bullet,
      titleEnd: bullet,
      tailEnd: bullet,
      end: lineEnd(piece.endLine - 1)
    };
    return reread(result, 0, blank);
  });
  tasks.splice(position, 0, ...inserted);
  const next = {
    ...parsed,
    tasks: withOrders(tasks),
    length: result.length,
    eol: eolOf(result),
    finalNewline: result.endsWith("\n"),
    blocks: rebuildBlocks(parsed, result, at, at, at + delta)
  };
  return { ...state, source: result, parsed: next };
}
function newFragment(state, task) {
  assertNewId(state, task.id);
  return {
    first: formatTaskText(task, state.parsed.profile),
    contentWidth: 0,
    rest: [],
    tasks: [{ line: 0, fromEnd: 0, endLine: 1, parent: null, depth: 0 }]
  };
}
function move(state, id, parentId, index) {
  const task = find(state, id);
  const last2 = lastDescendant(state.parsed.tasks, task);
  const target = parentIndex(state, parentId);
  if (target !== null && target >= task && target <= last2) fail(`Task ${id} cannot move under itself or one of its subtasks.`);
  const { state: without, fragment } = remove(state, task);
  return insert(without, parentIndex(without, parentId), index, fragment);
}
function assignId(state, index, id) {
  const task = state.parsed.tasks[index];
  if (task === void 0) fail(`TASKS.md has no task number ${index}.`);
  if (task.id !== null) fail(`The task on line ${task.line} already has the id ${task.id}.`);
  assertNewId(state, id);
  return replaceInLine(state, index, task.tailEnd, task.tailEnd, ` <!-- ${id} -->`);
}
function applyEdit(state, edit) {
  switch (edit.kind) {
    case "status":
      return rewriteTask(state, find(state, edit.id), { status: edit.status });
    case "title":
      assertTitle(edit.title);
      return rewriteTask(state, find(state, edit.id), { title: edit.title });
    case "meta":
      return rewriteTask(state, find(state, edit.id), { meta: writtenMeta(edit.meta) });
    case "assignId":
      return assignId(state, edit.task, edit.id);
    case "insert":
      return insert(state, parentIndex(state, edit.parentId), edit.index, newFragment(state, edit.task));
    case "remove":
      return remove(state, find(state, edit.id)).state;
    case "move":
      return move(state, edit.id, edit.parentId, edit.index);
  }
}
function applyEdits(source, parsed, edits) {
  if (source.length !== parsed.length) {
    fail("The ParsedFile given to applyEdits describes another version of TASKS.md. Parse the current file and apply the edits to that.");
  }
  const finalNewline = parsed.finalNewline || source.length === (parsed.bom ? 1 : 0);
  const result = edits.reduce(applyEdit, { source, parsed, eol: parsed.eol, finalNewline });
  return { source: result.source, parsed: result.parsed };
}

// src/markdown/render.ts
var DEFAULT_HEADER = `# Tasks

The work on this project, kept in sync with tasktrail's record of it. Edit this file by hand
as you like: tick or untick a box, reword a task, reorder or indent it, or add a line such as
\`- [ ] something to do\`. Keep each \`<!-- t-\u2026 -->\` comment on its task's line: it is how
tasktrail knows the task. Boxes: \`[ ]\` to do, \`[/]\` in progress, \`[!]\` blocked, \`[x]\` done,
\`[-]\` cancelled.
`;
var GFM_PROFILE_LINE = "<!-- tasktrail: gfm -->";
function render(tasks, options = {}) {
  const profile = options.profile ?? "canonical";
  const lines = [];
  const seen = /* @__PURE__ */ new Set();
  const add2 = (task, depth) => {
    if (!isTaskId(task.id) || seen.has(task.id)) {
      throw new Error(`Cannot render task ${JSON.stringify(task.id)}: ids must be valid task ids and unique. Nothing was written.`);
    }
    seen.add(task.id);
    lines.push(`${"  ".repeat(depth)}- ${formatTaskText(task, profile)}`);
    for (const child of task.children ?? []) add2(child, depth + 1);
  };
  for (const task of tasks) add2(task, 0);
  const parts = [(options.header ?? DEFAULT_HEADER).trimEnd(), profile === "gfm" ? GFM_PROFILE_LINE : "", lines.join("\n")];
  const text2 = parts.filter((part) => part !== "").join("\n\n");
  return text2 === "" ? "" : `${text2}
`;
}

// src/markdown/plain-title.ts
var PLAIN_TITLE_MAX = 200;
var UNTITLED = "(untitled)";
var MARKUP = /[\\`*_[\]<>&~|$]/g;
var graphemes;
function cap(text2) {
  if (text2.length <= PLAIN_TITLE_MAX) return text2;
  let kept = "";
  let count2 = 0;
  graphemes ??= new Intl.Segmenter(void 0, { granularity: "grapheme" });
  for (const { segment } of graphemes.segment(text2)) {
    if (count2 === PLAIN_TITLE_MAX) return `${kept.trimEnd()}\u2026`;
    if (count2 < PLAIN_TITLE_MAX - 1) kept += segment;
    count2++;
  }
  return text2;
}
function plainTitle(text2) {
  const line = text2.replace(/[\x00-\x08\x0e-\x1f\x7f\x85]/g, "").replace(/\s+/g, " ").trim();
  if (line === "") return UNTITLED;
  return cap(line).replace(MARKUP, "\\$&");
}

// src/markdown/refusal.ts
var CONFLICT_MARKER = /^(?:<{7}|>{7})(?:[ \t]|\r?$)/;
function hasConflictMarkers(source) {
  if (!source.includes("<<<<<<<") && !source.includes(">>>>>>>")) return null;
  let line = 1;
  for (let at = 0; ; line++) {
    const next = source.indexOf("\n", at);
    if (CONFLICT_MARKER.test(source.slice(at, next === -1 ? source.length : next))) return line;
    if (next === -1) return null;
    at = next + 1;
  }
}

// src/sync/markdown.ts
function loadParser() {
  return Promise.resolve().then(() => __toESM(require("./markdown-parse.js"), 1));
}
function isMarkdownRefusal(error) {
  return error instanceof Error && error.name === "MarkdownRefusal";
}

// src/sync/lines.ts
function lineOfTask(task) {
  return {
    id: task.id,
    title: task.title,
    status: task.status,
    type: task.task_type,
    agent: task.assigned_agent,
    reason: task.status === "blocked" ? task.task_context.blocked_reason ?? null : null,
    parent: task.parent_task_id
  };
}
function fileTasks(parsed) {
  return parsed.tasks.map((t) => ({
    id: t.id,
    title: t.title,
    status: t.status,
    type: t.meta.type ?? null,
    agent: t.meta.agent ?? null,
    reason: t.meta.reason ?? null,
    parent: t.parent
  }));
}
function linesOf(parsed) {
  const lines = /* @__PURE__ */ new Map();
  const tasks = fileTasks(parsed);
  tasks.forEach((t) => {
    if (t.id === null || lines.has(t.id)) return;
    lines.set(t.id, { ...t, id: t.id, reason: t.status === "blocked" ? t.reason : null, parent: t.parent === null ? null : tasks[t.parent].id });
  });
  return lines;
}

// src/sync/merge.ts
var LINE_FIELDS = ["title", "status", "type", "agent", "reason", "parent"];
var RULES = {
  status: "both changed the status: the further one wins (completed > cancelled > blocked > in progress > pending)",
  text: "both changed it: the file wins (text a person typed)",
  removed: "line removed from TASKS.md while the store changed the task: the removal wins, the store keeps the task",
  deletedInStore: "deleted in the store while TASKS.md changed it: the file keeps it"
};
var STATUS_RANK = { pending: 0, in_progress: 1, blocked: 2, cancelled: 3, completed: 4 };
function furtherStatus(a, b) {
  return STATUS_RANK[a] >= STATUS_RANK[b] ? a : b;
}
function settle(field, file, store2) {
  if (field === "status") return { value: furtherStatus(file.status, store2.status), rule: RULES.status };
  return { value: file[field], rule: RULES.text };
}
function metaOf(line) {
  const meta = {};
  if (line.type) meta.type = line.type;
  if (line.agent) meta.agent = line.agent;
  if (line.reason && line.status === "blocked") meta.reason = line.reason;
  return meta;
}
var META_FIELDS = ["type", "agent", "reason"];
function planSync(input) {
  const toStore = [];
  const toFile = [];
  const conflicts = [];
  const ids = [];
  const seen = /* @__PURE__ */ new Set();
  input.file.forEach((task, index) => {
    let id = task.id;
    if (id === null || seen.has(id)) {
      id = input.newId();
      toFile.push({ kind: "assignId", task: index, id });
    }
    seen.add(id);
    ids.push(id);
  });
  const fileLines = input.file.map((task, index) => ({
    id: ids[index],
    title: task.title,
    status: task.status,
    type: task.type,
    agent: task.agent,
    reason: task.status === "blocked" ? task.reason : null,
    parent: task.parent === null ? null : ids[task.parent]
  }));
  const inFile = new Map(fileLines.map((line) => [line.id, line]));
  const fileChanges = /* @__PURE__ */ new Map();
  const fileEditsFor = (id, changes, after) => {
    if (changes.status !== void 0) toFile.push({ kind: "status", id, status: changes.status });
    if (changes.title !== void 0) toFile.push({ kind: "title", id, title: changes.title });
    if (META_FIELDS.some((f) => f in changes) || changes.status !== void 0 && (after.reason || changes.status === "blocked")) {
      toFile.push({ kind: "meta", id, meta: metaOf(after) });
    }
    if ("parent" in changes) toFile.push({ kind: "move", id, parentId: changes.parent ?? null });
  };
  for (const line of fileLines) {
    const base = input.base.get(line.id);
    const change = input.storeChanges.get(line.id);
    if (!change && base !== void 0 && LINE_FIELDS.every((f) => base[f] === line[f])) continue;
    const store2 = input.storeTask(line.id);
    if (!store2) {
      const unchangedInFile = base !== void 0 && LINE_FIELDS.every((f) => base[f] === line[f]);
      if (change?.deleted && unchangedInFile) {
        toFile.push({ kind: "remove", id: line.id });
        continue;
      }
      if (change?.deleted) conflicts.push({ taskId: line.id, field: "deleted", rule: RULES.deletedInStore, kept: line.title, lost: null });
      toStore.push({ kind: "create", line, position: 0 });
      continue;
    }
    const toStoreChanges = {};
    const toFileChanges = {};
    for (const field of LINE_FIELDS) {
      if (line[field] === store2[field]) continue;
      const fileChanged = base === void 0 || line[field] !== base[field];
      const storeChanged = base === void 0 || change?.fields.has(field) === true && store2[field] !== base[field];
      if (fileChanged && !storeChanged) toStoreChanges[field] = line[field];
      else if (storeChanged && !fileChanged) toFileChanges[field] = store2[field];
      else if (fileChanged && storeChanged) {
        const { value, rule } = settle(field, line, store2);
        const lost = value === line[field] ? store2[field] : line[field];
        conflicts.push({ taskId: line.id, field, rule, kept: value, lost });
        if (value !== store2[field]) toStoreChanges[field] = value;
        if (value !== line[field]) toFileChanges[field] = value;
      }
    }
    if (Object.keys(toStoreChanges).length) toStore.push({ kind: "update", id: line.id, changes: toStoreChanges });
    if (Object.keys(toFileChanges).length) {
      fileChanges.set(line.id, toFileChanges);
      fileEditsFor(line.id, toFileChanges, { ...line, ...toFileChanges });
    }
  }
  for (const [id, base] of input.base) {
    if (inFile.has(id)) continue;
    const store2 = input.storeTask(id);
    if (!store2) continue;
    const change = input.storeChanges.get(id);
    if (change && LINE_FIELDS.some((f) => change.fields.has(f) && store2[f] !== base[f])) {
      conflicts.push({ taskId: id, field: "removed", rule: RULES.removed, kept: null, lost: store2.title });
    }
    toStore.push({ kind: "lineRemoved", id });
  }
  const inserts = [];
  for (const [id, change] of input.storeChanges) {
    if (inFile.has(id) || input.base.has(id)) continue;
    const store2 = input.storeTask(id);
    if (!store2 || !input.belongsHere(id)) continue;
    const reopened = change.fields.has("status") && !isTerminal(store2.status);
    if (change.created || reopened) inserts.push(store2);
  }
  const placed = new Set(inFile.keys());
  const insertsById = new Map(inserts.map((line) => [line.id, line]));
  const place = (line) => {
    if (placed.has(line.id)) return;
    placed.add(line.id);
    const parent = line.parent === null ? void 0 : insertsById.get(line.parent);
    if (parent) place(parent);
    const parentId = line.parent !== null && placed.has(line.parent) ? line.parent : null;
    toFile.push({ kind: "insert", task: { id: line.id, title: line.title, status: line.status, meta: metaOf(line) }, parentId });
  };
  inserts.forEach(place);
  const groups = /* @__PURE__ */ new Map();
  for (const line of fileLines) {
    const parent = fileChanges.get(line.id)?.parent !== void 0 ? fileChanges.get(line.id).parent : line.parent;
    appendTo(groups, parent, line.id);
  }
  const baseGroups = /* @__PURE__ */ new Map();
  for (const line of input.base.values()) appendTo(baseGroups, line.parent, line.id);
  for (const [parent, members] of groups) {
    const before = baseGroups.get(parent);
    if (before && before.length === members.length && before.every((id, i) => members[i] === id)) continue;
    toStore.push({ kind: "order", parent, ids: members });
  }
  for (const op of toStore) {
    if (op.kind === "create") op.position = groups.get(op.line.parent)?.indexOf(op.line.id) ?? 0;
  }
  return { toStore, toFile, conflicts, fileIds: [...placed] };
}
function appendTo(groups, parent, id) {
  const members = groups.get(parent);
  if (members) members.push(id);
  else groups.set(parent, [id]);
}

// src/sync/progress.ts
var import_node_fs6 = require("node:fs");
var import_node_path8 = require("node:path");
var PROGRESS_DIR = (0, import_node_path8.join)(".tasktrail", "tasks");
var BILLING_KEYS = /* @__PURE__ */ new Set(["billable", "billable_minutes"]);
var TASK_FIELDS = [
  "title",
  "status",
  "parent_task_id",
  "task_type",
  "assigned_agent",
  "description",
  "estimated_complexity",
  "session_id",
  "created_at",
  "started_at",
  "completed_at"
];
var HEADER = '<!-- Written by tasktrail sync; commit it with TASKS.md. TASKS.md decides title, status and nesting of the tasks it lists. One "- key: value" line per field; a value that is not plain one-line text is JSON. -->';
function parsesAsJson(text2) {
  try {
    JSON.parse(text2);
    return true;
  } catch {
    return false;
  }
}
function encodeValue2(value) {
  if (typeof value === "string" && value !== "" && value.trim() === value && !/[\r\n]/.test(value) && !parsesAsJson(value)) return value;
  return JSON.stringify(value);
}
function decodeValue2(text2) {
  try {
    return JSON.parse(text2);
  } catch {
    return text2;
  }
}
function renderProgress(task) {
  const lines = [`# ${task.id} \xB7 ${task.title}`, "", HEADER, "", "## Task", ""];
  for (const field of TASK_FIELDS) if (task[field] !== null) lines.push(`- ${field}: ${encodeValue2(task[field])}`);
  const context = Object.entries(task.task_context).filter(([key, value]) => !BILLING_KEYS.has(key) && value !== void 0);
  if (context.length) {
    lines.push("", "## Context", "");
    for (const [key, value] of context.sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)) lines.push(`- ${key}: ${encodeValue2(value)}`);
  }
  return lines.join("\n") + "\n";
}
function parseProgress(id, text2) {
  const record = { id, title: id, task_context: {} };
  let section = "";
  for (const line of text2.split(/\r?\n/)) {
    if (line.startsWith("## ")) section = line.slice(3).trim();
    const entry = /^- ([A-Za-z0-9_.-]+): (.*)$/.exec(line);
    if (!entry) continue;
    const [, key, raw] = entry;
    const value = decodeValue2(raw);
    if (section === "Context") {
      if (!BILLING_KEYS.has(key)) record.task_context[key] = value;
    } else if (TASK_FIELDS.includes(key)) {
      ;
      record[key] = value;
    }
  }
  if (!isStatus(record.status)) delete record.status;
  if (!isTaskType(record.task_type)) record.task_type = null;
  return record;
}
function readProgress(root, id) {
  const text2 = readText((0, import_node_path8.join)(root, PROGRESS_DIR, `${id}.md`));
  return text2 === null ? void 0 : parseProgress(id, text2);
}
function writeProgressFiles(store2, root, ids) {
  const dir = (0, import_node_path8.join)(root, PROGRESS_DIR);
  let made = false;
  for (const id of ids) {
    const path = (0, import_node_path8.join)(dir, `${id}.md`);
    const task = store2.getTask(id);
    if (!task) {
      (0, import_node_fs6.rmSync)(path, { force: true });
      continue;
    }
    const text2 = renderProgress(task);
    if (readText(path) === text2) continue;
    if (!made) (0, import_node_fs6.mkdirSync)(dir, { recursive: true });
    made = true;
    const temp = `${path}.tmp-${process.pid}`;
    (0, import_node_fs6.writeFileSync)(temp, text2);
    (0, import_node_fs6.renameSync)(temp, path);
  }
}
function restoreFromProgress(store2, repo, root) {
  let names;
  try {
    names = (0, import_node_fs6.readdirSync)((0, import_node_path8.join)(root, PROGRESS_DIR)).filter((n) => n.endsWith(".md"));
  } catch {
    return [];
  }
  const records = names.map((name) => name.slice(0, -3)).filter((id) => store2.getTask(id) === void 0).map((id) => readProgress(root, id));
  const restored = [];
  const known = (id) => !id || store2.getTask(id) !== void 0;
  for (let pending = records; pending.length; ) {
    const ready = pending.filter((r) => known(r.parent_task_id) || !pending.some((p) => p.id === r.parent_task_id));
    for (const record of ready) {
      store2.createTask(repo.id, { ...record, parent_task_id: known(record.parent_task_id) ? record.parent_task_id ?? null : null }, "file", `restored from ${PROGRESS_DIR}`);
      restored.push(record.id);
    }
    pending = pending.filter((r) => !ready.includes(r));
  }
  return restored;
}

// src/sync/engine.ts
var TASKS_FILE = "TASKS.md";
var ParserNeeded = class extends Error {
  constructor() {
    super("TASKS.md changed: the parser must be loaded first");
    this.name = "ParserNeeded";
  }
};
var HALF_GONE_MINIMUM = 4;
var template;
function templateText() {
  if (template !== void 0) return template;
  for (let dir = __dirname; ; dir = (0, import_node_path9.dirname)(dir)) {
    const file = (0, import_node_path9.join)(dir, "templates", TASKS_FILE);
    if ((0, import_node_fs7.existsSync)(file)) return template = (0, import_node_fs7.readFileSync)(file, "utf8");
    if ((0, import_node_path9.dirname)(dir) === dir) throw new Error("templates/TASKS.md is missing from the tasktrail package; reinstall tasktrail");
  }
}
var refusal = (refused) => ({ imported: 0, written: 0, conflicts: [], refused });
function syncInLock(context, parser, options) {
  const { store: store2, project, repo } = context;
  if (project.kind === "home") return { imported: 0, written: 0, conflicts: [] };
  const path = (0, import_node_path9.join)(project.root, TASKS_FILE);
  const text2 = readText(path);
  const hash = text2 === null ? null : contentHash(text2);
  const head = readHead(project.gitDir);
  const base = findBase(store2, project.root, head.branch);
  const changes = base ? storeChangesSince(store2, repo.id, base.event_mark) : new Map(homelessTasks(store2, repo.id).map((id) => [id, { fields: /* @__PURE__ */ new Set(), created: true, deleted: false }]));
  if (base && hash === base.file_hash) {
    if (changes.size === 0) return { imported: 0, written: 0, conflicts: [] };
    if (![...changes.values()].some(touchesFile)) {
      writeProgressFiles(store2, project.root, [...changes.keys()].filter((id) => text2.includes(id)));
      advanceBase(store2, base.id, head.commit, eventMark(store2));
      return { imported: 0, written: 0, conflicts: [] };
    }
  }
  let source;
  let parsed;
  let baseLines;
  let fromTemplate = false;
  const rebuild = () => {
    if (!parser) throw new ParserNeeded();
    fromTemplate = true;
    source = templateText();
    parsed = parser.parse(source);
    baseLines = /* @__PURE__ */ new Map();
    for (const id of [...baseMembers(store2, base), ...homelessTasks(store2, repo.id)]) changes.set(id, { fields: /* @__PURE__ */ new Set(), created: true, deleted: false });
  };
  const force = options.force === true;
  if (text2 === null) {
    if (base?.file_hash && !force) {
      return refusal(`${path} is missing; the store keeps its tasks and nothing was written. Restore it (git checkout -- ${TASKS_FILE}) or write it again from the store: tasktrail sync --force`);
    }
    if (changes.size === 0 && !base?.file_hash) return { imported: 0, written: 0, conflicts: [] };
    rebuild();
  } else if (hasConflictMarkers(text2) !== null) {
    if (!force) {
      return refusal(`${path} has git conflict markers (line ${hasConflictMarkers(text2)}); nothing was synced. Resolve the conflict and run tasktrail sync, or replace the file with the store's tasks: tasktrail sync --force (the file is kept as ${TASKS_FILE}.orig)`);
    }
    keepCopy(path, text2);
    rebuild();
  } else if (base && hash === base.file_hash) {
    source = text2;
    parsed = baseParsed(store2, base);
    baseLines = linesOf(parsed);
  } else {
    if (!parser) throw new ParserNeeded();
    const previous = base ? baseParsed(store2, base) : void 0;
    let read2;
    try {
      read2 = parser.parse(text2, previous);
    } catch (error) {
      if (!isMarkdownRefusal(error)) throw error;
      if (!force) {
        return refusal(`${path} cannot be read as a task list: ${error.message} To replace it with the store's tasks instead: tasktrail sync --force (the file is kept as ${TASKS_FILE}.orig)`);
      }
    }
    if (read2) {
      source = text2;
      parsed = read2;
      baseLines = linesOf(previous ?? read2);
      if (base && !force) {
        const refused = massRemoval(baseLines, read2, path);
        if (refused) return refusal(refused);
      }
    } else {
      keepCopy(path, text2);
      rebuild();
    }
  }
  const plan = planSync({
    base: baseLines,
    file: fileTasks(parsed),
    storeChanges: changes,
    storeTask: (id) => {
      const task = store2.getTask(id);
      return task && lineOfTask(task);
    },
    belongsHere: (id) => {
      const home = homeOf(store2, id);
      return home === void 0 || home === base?.id;
    },
    newId: newTaskId
  });
  const markBeforeApply = eventMark(store2);
  const imported = applyToStore(context, plan.toStore) + (base ? 0 : restoreFromProgress(store2, repo, project.root).length + adoptLines(store2, repo, parsed));
  for (const c of plan.conflicts) recordResolution(store2, c.taskId, c.field, c.lost, c.kept, c.rule);
  const edits = [...plan.toFile, ...rolledUp(store2, markBeforeApply, plan.fileIds, plan.toFile)];
  let written = source;
  let writtenParsed = parsed;
  if (edits.length) {
    ;
    ({ source: written, parsed: writtenParsed } = fromTemplate ? renderNewFile(parser, source, edits) : applyEdits(source, parsed, edits));
  }
  if (written !== text2) replaceIfUnchanged(path, written, text2);
  writeProgressFiles(store2, project.root, progressTouched(plan.toStore, changes, new Set(plan.fileIds)));
  const newHash = written === text2 ? hash : contentHash(written);
  const baseId = saveBase(store2, {
    repoId: repo.id,
    root: project.root,
    branch: head.branch,
    head: head.commit,
    fileHash: newHash,
    parsed: writtenParsed,
    eventMark: eventMark(store2)
  });
  const homed = base ? [...plan.toStore.flatMap((op) => op.kind === "create" ? [op.line.id] : []), ...edits.flatMap((e) => e.kind === "insert" ? [e.task.id] : [])] : plan.fileIds;
  setHomes(store2, baseId, homed);
  return {
    imported,
    written: edits.filter((e) => e.kind !== "assignId").length,
    conflicts: plan.conflicts.map(({ taskId, field, rule }) => ({ taskId, field, rule }))
  };
}
function adoptLines(store2, repo, parsed) {
  let adopted = 0;
  for (const line of parsed.tasks) {
    if (line.id === null || store2.getTask(line.id)) continue;
    const parent = line.parent === null ? null : parsed.tasks[line.parent].id;
    store2.createTask(repo.id, {
      id: line.id,
      title: line.title,
      status: line.status,
      parent_task_id: parent && store2.getTask(parent) ? parent : null,
      task_type: line.meta.type ?? null,
      assigned_agent: line.meta.agent ?? null,
      task_context: line.meta.reason === void 0 ? {} : { blocked_reason: line.meta.reason },
      client: repo.client,
      project: repo.project
    }, "file", "first sync: read from TASKS.md");
    adopted++;
  }
  return adopted;
}
function touchesFile(change) {
  return change.created || change.deleted || change.fields.size > 0;
}
function baseMembers(store2, base) {
  if (!base) return [];
  const homed = store2.prepare("SELECT task_id FROM sync_homes WHERE base_id = ?").all(base.id).map((r) => r.task_id);
  const shown = linesOf(baseParsed(store2, base)).keys();
  return [.../* @__PURE__ */ new Set([...shown, ...homed])].filter((id) => store2.getTask(id) !== void 0);
}
function renderNewFile(parser, header, edits) {
  const nodes = /* @__PURE__ */ new Map();
  const roots = [];
  for (const edit of edits) {
    if (edit.kind !== "insert") throw new Error(`tasktrail bug: a new TASKS.md was given a ${edit.kind} edit`);
    const node = { ...edit.task, children: [] };
    nodes.set(node.id, node);
    (edit.parentId === null ? roots : nodes.get(edit.parentId).children).push(node);
  }
  const source = render(roots, { header });
  return { source, parsed: parser.parse(source) };
}
function keepCopy(path, text2) {
  (0, import_node_fs7.writeFileSync)(`${path}.orig`, text2);
}
function massRemoval(base, parsed, path) {
  if (base.size === 0) return null;
  const present = new Set(parsed.tasks.map((t) => t.id));
  const gone = [...base.keys()].filter((id) => !present.has(id)).length;
  const advice = `nothing was synced and the store keeps every task. If the file is still being written or a checkout is under way, run tasktrail sync again; if you meant it, tasktrail sync --force cancels the removed tasks (they stay in the store and tasktrail reopen ID brings one back)`;
  if (parsed.tasks.length === 0) return `${path} has no tasks any more (it had ${base.size}); ${advice}`;
  if (base.size >= HALF_GONE_MINIMUM && gone * 2 > base.size) return `${gone} of the ${base.size} tasks in ${path} disappeared at once; ${advice}`;
  return null;
}
function applyToStore(context, ops) {
  const { store: store2, repo, project } = context;
  let imported = 0;
  for (const op of ops) {
    if (op.kind === "create") {
      const { line } = op;
      const details2 = readProgress(project.root, line.id);
      store2.createTask(repo.id, {
        ...details2,
        id: line.id,
        title: line.title,
        status: line.status,
        task_type: line.type,
        assigned_agent: line.agent,
        parent_task_id: line.parent,
        position: op.position,
        task_context: { ...details2?.task_context, ...line.reason ? { blocked_reason: line.reason } : {} },
        client: details2?.client ?? repo.client,
        project: details2?.project ?? repo.project
      }, "file", "added in TASKS.md");
      imported++;
    } else if (op.kind === "update") {
      const { status: status2, reason, title, type, agent, parent } = op.changes;
      store2.updateTask(op.id, { title, task_type: type, assigned_agent: agent, parent_task_id: parent }, "file", "edited in TASKS.md");
      if (status2 !== void 0) store2.setStatus(op.id, status2, "file", { reason: reason ?? void 0, note: "edited in TASKS.md" });
      else if (reason !== void 0) store2.updateContext(op.id, { blocked_reason: reason }, "file", "edited in TASKS.md");
      imported++;
    } else if (op.kind === "lineRemoved") {
      const task = store2.getTask(op.id);
      if (task && !isTerminal(task.status)) {
        store2.setStatus(op.id, "cancelled", "file", { note: "line removed from TASKS.md; tasktrail reopen brings it back" });
        imported++;
      }
    } else {
      op.ids.forEach((id, position) => store2.updateTask(id, { position }, "file"));
    }
  }
  return imported;
}
function rolledUp(store2, mark, shown, planned) {
  const rows = store2.prepare(`SELECT DISTINCT task_id FROM task_events WHERE id > ? AND field = 'status' AND note LIKE 'roll-up%'`).all(mark);
  const inFile = new Set(shown);
  const edits = [];
  for (const { task_id } of rows) {
    const task = store2.getTask(task_id);
    if (!task || !inFile.has(task_id) || planned.some((e) => e.kind === "insert" && e.task.id === task_id)) continue;
    edits.push({ kind: "status", id: task_id, status: task.status });
  }
  return edits;
}
function progressTouched(ops, changes, shown) {
  const touched = /* @__PURE__ */ new Set();
  for (const [id, change] of changes) if (shown.has(id) || change.deleted) touched.add(id);
  for (const op of ops) if (op.kind !== "order") touched.add(op.kind === "create" ? op.line.id : op.id);
  return [...touched];
}

// src/sync/index.ts
var import_node_path10 = require("node:path");
var ATTEMPTS = 8;
async function syncProject(store2, project, repo, options = {}) {
  return (await withProjectSync(store2, project, repo, () => void 0, options)).report;
}
async function withProjectSync(store2, project, repo, change, options = {}) {
  let parser = needsParser(store2, project) ? await loadParser() : null;
  for (let attempt2 = 1; ; attempt2++) {
    try {
      return store2.transaction(() => {
        const result = change();
        return { result, report: syncOrRefuse(() => syncInLock({ store: store2, project, repo }, parser, options)) };
      });
    } catch (error) {
      const name = error?.name;
      if (name === "ParserNeeded") parser = await loadParser();
      else if (name !== "FileChangedDuringSync" || attempt2 >= ATTEMPTS) throw error;
    }
  }
}
function syncOrRefuse(sync2) {
  try {
    return sync2();
  } catch (error) {
    if (error?.name !== "UnsafeFile") throw error;
    return { imported: 0, written: 0, conflicts: [], refused: error.message };
  }
}
function needsParser(store2, project) {
  if (project.kind === "home") return false;
  let text2;
  try {
    text2 = readText((0, import_node_path10.join)(project.root, TASKS_FILE));
  } catch (error) {
    if (error?.name === "UnsafeFile") return false;
    throw error;
  }
  if (text2 === null) return false;
  const base = findBase(store2, project.root, readHead(project.gitDir).branch);
  return !base || base.file_hash !== contentHash(text2);
}

// src/cli/commands/sync.ts
function describeReport(report2) {
  if (report2.refused) return `sync refused: ${report2.refused}`;
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `synced: ${plural(report2.imported, "edit")} imported, ${plural(report2.written, "change")} written, ${plural(report2.conflicts.length, "conflict")} resolved`;
}
async function changeAndSync(context, output, change) {
  const { result, report: report2 } = await withProjectSync(context.store, context.project, context.repo, change, { source: "cli" });
  if (report2.refused) output.err(`tasktrail: the change is saved in the store, but TASKS.md was not updated: ${report2.refused}`);
  return result;
}
var sync = {
  usage: "sync [--force] [--json]",
  summary: "bring the store and the project's TASKS.md to the same state",
  positionals: [0, 0],
  options: { force: { type: "boolean" }, json: { type: "boolean" } },
  async run(invocation) {
    const context = openContext(invocation);
    const report2 = await syncProject(context.store, context.project, context.repo, { source: "cli", force: invocation.values.force === true });
    if (invocation.values.json) printJson(invocation.output, report2);
    else {
      invocation.output.out(describeReport(report2));
      for (const c of report2.conflicts) invocation.output.out(`  ${c.taskId} ${c.field}: ${c.rule}`);
    }
    return report2.refused ? 1 : 0;
  }
};
var sync_default = sync;

// src/cli/commands/add.ts
function checkType(value) {
  if (value === void 0) return void 0;
  if (!TASK_TYPES.includes(value)) throw usageError(`"${value}" is not a task type; valid types: ${TASK_TYPES.join(", ")}`);
  return value;
}
var add = {
  usage: "add TITLE [--parent ID] [--type TYPE] [--agent NAME] [--client NAME] [--project NAME] [--description TEXT] [--complexity low|medium|high] [--json]",
  summary: "add a task to the current project",
  positionals: [1, 1],
  options: {
    parent: { type: "string" },
    type: { type: "string" },
    agent: { type: "string" },
    client: { type: "string" },
    project: { type: "string" },
    description: { type: "string" },
    complexity: { type: "string" },
    json: { type: "boolean" }
  },
  async run(invocation) {
    const { values } = invocation;
    const title = invocation.positionals[0].trim();
    if (!title || /[\r\n]/.test(title)) throw usageError("the title must be one non-empty line");
    const task_type = checkType(text(values, "type"));
    const complexity = text(values, "complexity");
    if (complexity !== void 0 && !COMPLEXITIES.includes(complexity)) {
      throw usageError(`"${complexity}" is not a complexity; valid: ${COMPLEXITIES.join(", ")}`);
    }
    const context = openContext(invocation);
    const task = await changeAndSync(context, invocation.output, () => {
      const parent = text(values, "parent") === void 0 ? null : findTask(context, text(values, "parent"));
      return context.store.createTask(context.repo.id, {
        title,
        parent_task_id: parent?.id ?? null,
        task_type: task_type ?? null,
        assigned_agent: text(values, "agent") ?? null,
        description: text(values, "description") ?? null,
        client: text(values, "client") ?? parent?.client ?? context.repo.client,
        project: text(values, "project") ?? parent?.project ?? context.repo.project,
        estimated_complexity: complexity ?? null
      }, "cli");
    });
    if (values.json) printJson(invocation.output, exportTask(task));
    else invocation.output.out(`added ${paint(invocation.output, "bold", task.id)}  ${task.title}`);
  }
};
var add_default = add;

// src/cli/format.ts
var MARK = {
  pending: "[ ]",
  in_progress: "[\u2192]",
  blocked: "[!]",
  completed: "[\u2713]",
  cancelled: "[-]"
};
var STATUS_LABEL = {
  pending: "pending",
  in_progress: "in progress",
  blocked: "blocked",
  completed: "completed",
  cancelled: "cancelled"
};
function childrenIndex(tasks) {
  const ids = new Set(tasks.map((t) => t.id));
  const index = /* @__PURE__ */ new Map();
  for (const task of tasks) {
    const parent = task.parent_task_id !== null && ids.has(task.parent_task_id) ? task.parent_task_id : null;
    const siblings = index.get(parent);
    if (siblings) siblings.push(task);
    else index.set(parent, [task]);
  }
  return index;
}
function checklistTask(task) {
  const { id, parent_task_id, title, status: status2, assigned_agent } = task;
  const reason = task.task_context.blocked_reason;
  return { id, parent_task_id, title, status: status2, assigned_agent, task_context: reason === void 0 ? {} : { blocked_reason: reason } };
}
function note(task) {
  switch (task.status) {
    case "pending":
      return "";
    case "in_progress":
      return task.assigned_agent ? ` (in progress - ${task.assigned_agent})` : " (in progress)";
    case "blocked":
      return task.task_context.blocked_reason ? ` (blocked: ${task.task_context.blocked_reason})` : " (blocked)";
    default:
      return ` (${STATUS_LABEL[task.status]})`;
  }
}
function checklist(tasks, painter) {
  const index = childrenIndex(tasks);
  const lines = [];
  const walk = (parent, depth) => {
    for (const task of index.get(parent) ?? []) {
      const mark = task.status === "completed" ? paint(painter, "green", MARK.completed) : task.status === "in_progress" ? paint(painter, "yellow", MARK.in_progress) : task.status === "blocked" ? paint(painter, "red", MARK.blocked) : MARK[task.status];
      lines.push(`${"  ".repeat(depth)}- ${mark} ${task.title}${note(task)}  ${paint(painter, "dim", task.id)}`);
      walk(task.id, depth + 1);
    }
  };
  walk(null, 0);
  return lines;
}
function formatDuration(ms) {
  const minutes = Math.round(ms / 6e4);
  if (minutes < 1) return `${Math.max(0, Math.round(ms / 1e3))}s`;
  if (minutes < 60) return `${minutes}m`;
  const hours2 = Math.floor(minutes / 60);
  return `${hours2}h ${String(minutes % 60).padStart(2, "0")}m`;
}
function duration(task, now) {
  if (!task.started_at) return null;
  const end = task.completed_at ? Date.parse(task.completed_at) : now.getTime();
  return formatDuration(end - Date.parse(task.started_at));
}
function overall(task, children) {
  const counted = children.filter((c) => c.status !== "cancelled");
  const done2 = counted.filter((c) => c.status === "completed").length;
  const label = STATUS_LABEL[task.status].replace(/\b\w/g, (c) => c.toUpperCase());
  return children.length ? `${label} (${done2} of ${counted.length} complete)` : label;
}
function details(task, now, indent) {
  const lines = [];
  const context = task.task_context;
  const facts = [
    task.task_type,
    task.assigned_agent,
    duration(task, now)
  ].filter(Boolean);
  if (facts.length) lines.push(`${indent}${facts.join(" \xB7 ")}`);
  if (context.files_modified?.length) lines.push(`${indent}Files: ${context.files_modified.join(", ")}`);
  if (context.outcome) lines.push(`${indent}Outcome: ${context.outcome}`);
  if (context.blocked_reason) lines.push(`${indent}Blocked: ${context.blocked_reason}`);
  if (context.blockers_encountered?.length) lines.push(`${indent}Blockers: ${context.blockers_encountered.join("; ")}`);
  return lines;
}
var SECTIONS = [
  ["completed", "Completed \u2713"],
  ["in_progress", "In Progress \u2192"],
  ["blocked", "Blocked !"],
  ["pending", "Pending"],
  ["cancelled", "Cancelled"]
];
function detailedView(task, children, dependencies, now, painter) {
  const lines = [paint(painter, "bold", `${task.title}`) + `  ${paint(painter, "dim", task.id)}`];
  lines.push(`Overall Status: ${overall(task, children)}`);
  const where = [task.client && `client ${task.client}`, task.project && `project ${task.project}`].filter(Boolean);
  if (where.length) lines.push(`For: ${where.join(", ")}`);
  if (task.description) lines.push(`Description: ${task.description}`);
  if (task.task_context.user_request) lines.push(`Request: ${task.task_context.user_request}`);
  lines.push(`Created: ${task.created_at}${task.started_at ? `  Started: ${task.started_at}` : ""}${task.completed_at ? `  Completed: ${task.completed_at}` : ""}`);
  lines.push(...details(task, now, ""));
  if (dependencies.length) lines.push(`Waits on: ${dependencies.join(", ")}`);
  for (const [status2, heading] of SECTIONS) {
    const group = children.filter((c) => c.status === status2);
    if (!group.length) continue;
    lines.push("", paint(painter, "bold", heading));
    for (const child of group) {
      lines.push(`  - ${child.title}${note(child)}  ${paint(painter, "dim", child.id)}`);
      lines.push(...details(child, now, "    "));
    }
  }
  return lines;
}
function progress(tasks) {
  const counts = { pending: 0, in_progress: 0, blocked: 0, completed: 0, cancelled: 0 };
  for (const task of tasks) counts[task.status]++;
  const counted = tasks.length - counts.cancelled;
  return { total: tasks.length, counts, percent_complete: counted ? Math.round(counts.completed / counted * 100) : 0 };
}

// src/cli/commands/verbs.ts
function verbCommand(verb, usage, summary, options = {}) {
  return {
    usage,
    summary,
    positionals: [1, 1],
    options: { ...options, json: { type: "boolean" } },
    async run(invocation) {
      const { values } = invocation;
      const reason = text(values, "reason");
      if (verb === "block" && !reason?.trim()) throw usageError("block needs --reason TEXT: say what the task waits for");
      const context = openContext(invocation);
      const task = await changeAndSync(context, invocation.output, () => {
        const task2 = findTask(context, invocation.positionals[0]);
        const refusal2 = verbRefusal(verb, task2);
        if (refusal2) throw new CliError(refusal2);
        const agent = text(values, "agent");
        if (agent !== void 0) context.store.updateTask(task2.id, { assigned_agent: agent }, "cli");
        const outcome = text(values, "outcome");
        if (outcome !== void 0) context.store.updateContext(task2.id, { outcome }, "cli");
        return context.store.setStatus(task2.id, VERB_TARGET[verb], "cli", reason === void 0 ? {} : { reason: reason.trim() });
      });
      if (values.json) printJson(invocation.output, exportTask(task));
      else invocation.output.out(`${task.id} ${STATUS_LABEL[task.status]}  ${task.title}`);
    }
  };
}
var start = verbCommand("start", "start ID [--agent NAME]", "mark a task in progress", { agent: { type: "string" } });
var done = verbCommand("done", "done ID [--outcome TEXT]", "mark a task completed", { outcome: { type: "string" } });
var block = verbCommand("block", "block ID --reason TEXT", "mark a task blocked, with the reason", { reason: { type: "string" } });
var cancel = verbCommand("cancel", "cancel ID", "mark a task cancelled");
var reopen = verbCommand("reopen", "reopen ID", "move a completed or cancelled task back to pending");

// src/cli/commands/list.ts
function checkStatus(value) {
  if (value === void 0) return void 0;
  if (!STATUSES.includes(value)) throw usageError(`"${value}" is not a status; valid statuses: ${STATUSES.join(", ")}`);
  return value;
}
function openTrees(tasks) {
  const index = childrenIndex(tasks);
  const kept = [];
  const keep = (parent) => {
    for (const task of index.get(parent) ?? []) {
      kept.push(task);
      keep(task.id);
    }
  };
  for (const top of index.get(null) ?? []) {
    if (isTerminal(top.status)) continue;
    kept.push(top);
    keep(top.id);
  }
  return kept;
}
var list = {
  usage: "list [--all] [--status S] [--client C] [--project P] [--normal] [--json]",
  summary: "print the current project's checklist (open tasks; --all for every task)",
  positionals: [0, 0],
  options: {
    all: { type: "boolean" },
    status: { type: "string" },
    client: { type: "string" },
    project: { type: "string" },
    normal: { type: "boolean" },
    json: { type: "boolean" }
  },
  run(invocation) {
    const { values } = invocation;
    const status2 = checkStatus(text(values, "status"));
    const client = text(values, "client");
    const project = text(values, "project");
    const context = openContext(invocation);
    const acrossRepos = client !== void 0 || project !== void 0 || values.normal === true;
    const filter = {
      ...acrossRepos ? {} : { repoId: context.repo.id },
      ...status2 ? { status: status2 } : {},
      ...client ? { client } : {},
      ...project ? { project } : {},
      ...values.normal ? { normal: true } : {}
    };
    if (values.json) {
      const all2 = context.store.listTasks(filter);
      printJson(invocation.output, { tasks: (values.all || status2 ? all2 : openTrees(all2)).map(exportTask) });
      return;
    }
    const all = Array.from(context.store.iterateTasks(filter), checklistTask);
    const tasks = values.all || status2 ? all : openTrees(all);
    if (tasks.length === 0) {
      invocation.output.out(all.length ? "nothing open; tasktrail list --all shows every task" : "no tasks yet; add one with tasktrail add TITLE");
      return;
    }
    invocation.output.out(checklist(tasks, invocation.output).join("\n"));
  }
};
var list_default = list;

// src/cli/commands/show.ts
var show = {
  usage: "show ID [--json]",
  summary: "print one task in detail, with its subtasks",
  positionals: [1, 1],
  options: { json: { type: "boolean" } },
  run(invocation) {
    const context = openContext(invocation);
    const task = findTask(context, invocation.positionals[0]);
    const children = context.store.children(task.id);
    const dependencies = context.store.dependencies(task.id);
    if (invocation.values.json) {
      printJson(invocation.output, {
        ...exportTask(task),
        subtasks: children.map(exportTask),
        depends_on: dependencies,
        events: context.store.events(task.id)
      });
      return;
    }
    invocation.output.out(detailedView(task, children, dependencies, /* @__PURE__ */ new Date(), invocation.output).join("\n"));
  }
};
var show_default = show;

// src/cli/commands/status.ts
var status = {
  usage: "status [--all] [--json]",
  summary: "print the progress of the current project (--all: every project)",
  positionals: [0, 0],
  options: { all: { type: "boolean" }, json: { type: "boolean" } },
  run(invocation) {
    const context = openContext(invocation);
    const tasks = context.store.listTasks(invocation.values.all ? {} : { repoId: context.repo.id });
    const summary = progress(tasks);
    const active = tasks.filter((t) => t.status === "in_progress" || t.status === "blocked");
    if (invocation.values.json) {
      printJson(invocation.output, {
        project: invocation.values.all ? null : context.project.root,
        ...summary,
        active: active.map((t) => ({ id: t.id, title: t.title, status: t.status, assigned_agent: t.assigned_agent }))
      });
      return;
    }
    const out = invocation.output;
    out.out(`${paint(out, "bold", invocation.values.all ? "All projects" : context.project.root)}: ${summary.counts.completed} of ${summary.total - summary.counts.cancelled} complete (${summary.percent_complete}%)`);
    out.out(STATUSES.filter((s) => summary.counts[s] > 0).map((s) => `${summary.counts[s]} ${STATUS_LABEL[s]}`).join(", ") || "no tasks yet");
    if (active.length) out.out(checklist(active.map((t) => ({ ...t, parent_task_id: null })), out).join("\n"));
  }
};
var status_default = status;

// src/cli/commands/export.ts
var BATCH = 500;
var exportCommand = {
  usage: "export [--json]",
  summary: `print the current project's tasks as JSON ({"version": 1, "tasks": [...]})`,
  positionals: [0, 0],
  options: { json: { type: "boolean" } },
  run(invocation) {
    const context = openContext(invocation);
    const out = invocation.output;
    const tasks = context.store.iterateTasks({ repoId: context.repo.id });
    let next = tasks.next();
    if (next.done) {
      out.out(`{
  "version": ${EXPORT_VERSION},
  "tasks": []
}`);
      return;
    }
    let chunk = [`{
  "version": ${EXPORT_VERSION},
  "tasks": [`];
    while (!next.done) {
      const json = `    ${JSON.stringify(exportTask(next.value), null, 2).replaceAll("\n", "\n    ")}`;
      next = tasks.next();
      chunk.push(next.done ? json : `${json},`);
      if (chunk.length >= BATCH) {
        out.out(chunk.join("\n"));
        chunk = [];
      }
    }
    chunk.push("  ]\n}");
    out.out(chunk.join("\n"));
  }
};
var export_default = exportCommand;

// src/cli/commands/import.ts
var import_node_fs8 = require("node:fs");
var import_node_path11 = require("node:path");
var importCommand = {
  usage: "import FILE [--json]",
  summary: "read tasks exported with tasktrail export into the current project",
  positionals: [1, 1],
  options: { json: { type: "boolean" } },
  async run(invocation) {
    const path = (0, import_node_path11.resolve)(invocation.cwd, invocation.positionals[0]);
    let document;
    try {
      document = readExportDocument(JSON.parse((0, import_node_fs8.readFileSync)(path, "utf8")));
    } catch (error) {
      throw new CliError(`cannot import ${path}: ${error.message}; nothing was imported`);
    }
    const context = openContext(invocation);
    const result = await changeAndSync(context, invocation.output, () => importDocument(context.store, context.repo.id, document, "cli"));
    if (invocation.values.json) printJson(invocation.output, result);
    else invocation.output.out(`imported ${path}: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged`);
  }
};
var import_default = importCommand;

// src/cli/commands/rollup.ts
var rollup = {
  usage: "rollup [on|off] [--json]",
  summary: "show or set whether finishing every subtask completes the parent, for the current project",
  positionals: [0, 1],
  options: { json: { type: "boolean" } },
  run(invocation) {
    const wanted = invocation.positionals[0];
    if (wanted !== void 0 && wanted !== "on" && wanted !== "off") throw usageError(`rollup takes on or off, not "${wanted}"`);
    const context = openContext(invocation);
    if (wanted !== void 0) context.store.setRollup(context.repo.id, wanted === "on");
    const on = wanted === void 0 ? context.repo.rollup : wanted === "on";
    if (invocation.values.json) printJson(invocation.output, { project: context.project.root, rollup: on });
    else invocation.output.out(`roll-up is ${on ? "on" : "off"} for ${context.project.root}`);
  }
};
var rollup_default = rollup;

// src/cli/commands/hook.ts
var import_node_fs13 = require("node:fs");

// src/install/background.ts
var import_node_child_process2 = require("node:child_process");
var import_node_fs10 = require("node:fs");

// src/install/install.ts
var import_node_child_process = require("node:child_process");
var import_node_fs9 = require("node:fs");
var import_node_path12 = require("node:path");
var import_better_sqlite32 = __toESM(require_lib(), 1);
var STARTING_MS = 6e4;
function lockPath(env) {
  return (0, import_node_path12.join)(runtimeDir(env), `${ADDON_FILE}.installing`);
}
function installLogPath(env) {
  return (0, import_node_path12.join)(runtimeDir(env), "install.log");
}
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}
function lockHolder(lock) {
  let text2;
  try {
    text2 = (0, import_node_fs9.readFileSync)(lock, "utf8").trim();
  } catch {
    return null;
  }
  if (text2 === "") return Date.now() - (0, import_node_fs9.statSync)(lock).mtimeMs < STARTING_MS ? "starting" : null;
  const pid = Number(text2);
  return pid !== process.pid && alive(pid) ? pid : null;
}
function takeLock(lock) {
  if (lockHolder(lock) !== null) return false;
  (0, import_node_fs9.writeFileSync)(lock, String(process.pid));
  return true;
}
function installAddon(env) {
  const dir = runtimeDir(env);
  (0, import_node_fs9.mkdirSync)(dir, { recursive: true });
  const scratch = (0, import_node_fs9.mkdtempSync)((0, import_node_path12.join)(dir, "npm-"));
  try {
    const manifest = {
      private: true,
      description: "better-sqlite3 for tasktrail, deleted once its addon is copied out",
      dependencies: { "better-sqlite3": BETTER_SQLITE3_VERSION },
      // Newer npm asks for install scripts to be allowed; better-sqlite3's fetches or builds the addon.
      allowScripts: { "better-sqlite3": true }
    };
    (0, import_node_fs9.writeFileSync)((0, import_node_path12.join)(scratch, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
    const npm = (0, import_node_child_process.spawnSync)("npm", ["install", "--omit=dev", "--no-audit", "--no-fund", "--no-package-lock"], {
      cwd: scratch,
      env,
      stdio: ["ignore", "inherit", "inherit"],
      // npm is npm.cmd on Windows, which only a shell runs.
      shell: process.platform === "win32"
    });
    if (npm.error) throw new Error(`could not run npm (${npm.error.message}); tasktrail needs Node.js with npm on the PATH`);
    if (npm.status !== 0) throw new Error(`npm install better-sqlite3@${BETTER_SQLITE3_VERSION} failed with exit code ${npm.status}; npm's output is above`);
    const built = (0, import_node_path12.join)(scratch, "node_modules", "better-sqlite3", "build", "Release", "better_sqlite3.node");
    if (!(0, import_node_fs9.existsSync)(built)) {
      throw new Error(`npm installed better-sqlite3 without its native module; it is built by its install script, which npm's ignore-scripts setting may have skipped`);
    }
    new import_better_sqlite32.default(":memory:", { nativeBinding: built }).close();
    const target = (0, import_node_path12.join)(dir, ADDON_FILE);
    const partial = `${target}.${process.pid}.partial`;
    (0, import_node_fs9.copyFileSync)(built, partial);
    (0, import_node_fs9.renameSync)(partial, target);
    return target;
  } finally {
    (0, import_node_fs9.rmSync)(scratch, { recursive: true, force: true });
  }
}

// src/install/background.ts
function startAddonInstall(env, cli, projectRoot) {
  const lock = lockPath(env);
  try {
    (0, import_node_fs10.mkdirSync)(runtimeDir(env), { recursive: true });
    if (lockHolder(lock) !== null) return;
    const lockFd = (0, import_node_fs10.openSync)(lock, "w");
    const log = (0, import_node_fs10.openSync)(installLogPath(env), "w");
    try {
      const child = (0, import_node_child_process2.spawn)(process.execPath, [cli, "install-runtime"], { cwd: projectRoot, env, detached: true, stdio: ["ignore", log, log] });
      child.on("error", (error) => (0, import_node_fs10.appendFileSync)(installLogPath(env), `could not start the install: ${error.message}; the next session tries again
`));
      child.unref();
      (0, import_node_fs10.writeSync)(lockFd, String(child.pid ?? ""));
    } finally {
      (0, import_node_fs10.closeSync)(lockFd);
      (0, import_node_fs10.closeSync)(log);
    }
  } catch (error) {
    try {
      (0, import_node_fs10.rmSync)(lock, { force: true });
      (0, import_node_fs10.appendFileSync)(installLogPath(env), `could not start the install: ${error.message}; the next session tries again
`);
    } catch {
    }
  }
}

// src/hooks/limits.ts
var REQUEST_LIMIT = 2e3;
var TITLE_LIMIT = 80;
var OUTCOME_LIMIT = 1e3;
var BLOCKER_LIMIT = 300;
var SESSION_CONTEXT_LIMIT = 2e3;

// src/hooks/text.ts
var ELLIPSIS = "\u2026";
function clip(text2, limit) {
  return text2.length <= limit ? text2 : text2.slice(0, limit - 1).trimEnd() + ELLIPSIS;
}
function titleFrom(text2, limit) {
  const line = (text2.split("\n").find((l) => l.trim() !== "") ?? "").replace(/\s+/g, " ").trim();
  if (line.length <= limit) return line;
  const room = line.slice(0, limit - 1);
  const space = /[\p{L}\p{N}]/u.test(line[limit - 1]) ? room.lastIndexOf(" ") : room.length;
  return (space > limit / 2 ? room.slice(0, space) : room).replace(/[\s,;:.-]+$/, "") + ELLIPSIS;
}
function oneLine(text2) {
  return text2.replace(/\s+/g, " ").trim();
}
function taskTitle(text2) {
  return plainTitle(titleFrom(text2, TITLE_LIMIT));
}

// src/hooks/context.ts
function promptKey(origin) {
  return origin.prompt_id ?? `session:${origin.session_id}`;
}
function requestTask(ctx, origin) {
  const promptId = promptKey(origin);
  const prompt = ctx.state.prompt(origin.session_id, promptId);
  const existing = prompt?.task_id ? ctx.store.getTask(prompt.task_id) : void 0;
  if (existing) return existing;
  const request = prompt?.request ?? "";
  const task = ctx.store.createTask(
    ctx.repo.id,
    {
      title: request.trim() ? taskTitle(request) : `Claude Code session ${origin.session_id.slice(0, 8)}`,
      status: "in_progress",
      task_context: request ? { user_request: request.slice(0, REQUEST_LIMIT) } : {},
      session_id: origin.session_id,
      client: ctx.repo.client,
      project: ctx.repo.project
    },
    "hook"
  );
  ctx.state.setPromptTask(origin.session_id, promptId, task.id);
  return task;
}
function actingTaskId(ctx, origin) {
  const run = origin.agent_id ? ctx.state.agentRunByAgentId(origin.session_id, origin.agent_id) : void 0;
  if (run) return run.task_id;
  return ctx.state.planTaskInProgress(origin.session_id) ?? requestTask(ctx, origin).id;
}

// src/hooks/shape.ts
var ShapeError = class extends Error {
  name = "ShapeError";
};
function isFields(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function wrong(key, expected) {
  throw new ShapeError(`${key} is not ${expected}`);
}
function optionalString(fields, key) {
  const value = fields[key];
  if (value === void 0 || value === null) return void 0;
  return typeof value === "string" ? value : wrong(key, "a string");
}
function requiredString(fields, key) {
  const value = optionalString(fields, key);
  if (value === void 0 || value === "") throw new ShapeError(`${key} is missing`);
  return value;
}
function optionalNumber(fields, key) {
  const value = fields[key];
  if (value === void 0 || value === null) return void 0;
  return typeof value === "number" && Number.isFinite(value) ? value : wrong(key, "a number");
}
function optionalBoolean(fields, key) {
  const value = fields[key];
  if (value === void 0 || value === null) return void 0;
  return typeof value === "boolean" ? value : wrong(key, "a boolean");
}
function optionalFields(fields, key) {
  const value = fields[key];
  if (value === void 0 || value === null) return void 0;
  return isFields(value) ? value : wrong(key, "an object");
}
function requiredFields(fields, key) {
  const value = optionalFields(fields, key);
  if (value === void 0) throw new ShapeError(`${key} is missing`);
  return value;
}
function optionalStrings(fields, key) {
  const value = fields[key];
  if (value === void 0 || value === null) return void 0;
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) wrong(key, "a list of strings");
  return value;
}

// src/hooks/task-type.ts
var WORDS = [
  [/^review/, "review"],
  [/^test/, "testing"],
  [/^deploy/, "deployment"],
  [/^(research|investigat)/, "research"],
  [/^(document|docs?$)/, "documentation"],
  [/^(fix|bug)/, "bugfix"],
  [/^(design|analy[sz])/, "analysis"],
  [/^implement/, "implementation"]
];
function inferTaskType(subject) {
  for (const word of subject.toLowerCase().split(/[^a-z]+/)) {
    for (const [pattern, type] of WORDS) if (pattern.test(word)) return type;
  }
  return null;
}
function taskTypeOf(subject, metadataType) {
  return isTaskType(metadataType) ? metadataType : inferTaskType(subject);
}

// src/hooks/adapters/agent.ts
var AGENT_TOOLS = ["Agent", "Task"];
function launch(event, ctx) {
  const known = ctx.state.agentRunByToolUse(event.session_id, event.tool_use_id);
  if (known) return known;
  const description = optionalString(event.tool_input, "description") ?? "Agent run";
  const agentType = optionalString(event.tool_input, "subagent_type") ?? null;
  const task = ctx.store.createTask(
    ctx.repo.id,
    {
      title: taskTitle(description),
      parent_task_id: actingTaskId(ctx, event),
      status: "in_progress",
      task_type: inferTaskType(description),
      assigned_agent: agentType,
      session_id: event.session_id,
      client: ctx.repo.client,
      project: ctx.repo.project
    },
    "hook"
  );
  ctx.state.addAgentRun(event.session_id, event.tool_use_id, agentType, task.id);
  return ctx.state.agentRunByToolUse(event.session_id, event.tool_use_id);
}
function agentLaunched(event, ctx) {
  launch(event, ctx);
}
function subagentStarted(event, ctx) {
  if (ctx.state.agentRunByAgentId(event.session_id, event.agent_id)) return;
  const run = ctx.state.unboundAgentRun(event.session_id, event.agent_type ?? null);
  if (run) ctx.state.bindAgent(event.session_id, run.tool_use_id, event.agent_id);
}
function responseText(response) {
  const content = response.content;
  if (!Array.isArray(content)) return void 0;
  const texts = content.filter(isFields).map((block2) => block2.type === "text" ? optionalString(block2, "text") : void 0);
  const text2 = texts.filter((t) => t !== void 0).join("\n").trim();
  return text2 || void 0;
}
function agentReturned(event, ctx) {
  if (!isFields(event.tool_response)) throw new ShapeError("tool_response is not an object");
  const response = event.tool_response;
  const status2 = optionalString(response, "status");
  const agentId = optionalString(response, "agentId");
  const run = launch(event, ctx);
  if (agentId) ctx.state.bindAgent(event.session_id, run.tool_use_id, agentId);
  if (status2 === "async_launched") return;
  if (status2 !== "completed") throw new ShapeError(`Agent status ${JSON.stringify(status2)} is unknown`);
  finishRun(ctx, run.task_id, {
    outcome: responseText(response),
    duration_ms: optionalNumber(response, "totalDurationMs"),
    tokens: optionalNumber(response, "totalTokens"),
    tool_uses: optionalNumber(response, "totalToolUseCount")
  });
}
function subagentStopped(event, ctx) {
  const run = ctx.state.agentRunByAgentId(event.session_id, event.agent_id);
  if (run) finishRun(ctx, run.task_id, { outcome: event.last_assistant_message });
}
function agentNotified(notification, sessionId, ctx) {
  const run = notification.toolUseId && ctx.state.agentRunByToolUse(sessionId, notification.toolUseId) || notification.agentId && ctx.state.agentRunByAgentId(sessionId, notification.agentId) || void 0;
  if (!run) return;
  if (notification.status !== "completed") {
    blockRun(ctx, run.task_id, `Agent ended ${notification.status ?? "without a status"}: ${notification.summary ?? ""}`);
    return;
  }
  finishRun(ctx, run.task_id, {
    outcome: notification.result,
    duration_ms: notification.durationMs,
    tokens: notification.tokens,
    tool_uses: notification.toolUses
  });
}
function agentFailed(event, ctx) {
  const run = launch(event, ctx);
  blockRun(ctx, run.task_id, event.error);
}
function finishRun(ctx, taskId, end) {
  const task = ctx.store.requireTask(taskId);
  if (!isTerminal(task.status)) ctx.store.setStatus(taskId, "completed", "hook");
  const context = {};
  if (end.outcome) context.outcome = clip(end.outcome.trim(), OUTCOME_LIMIT);
  for (const key of ["duration_ms", "tokens", "tool_uses"]) {
    if (end[key] !== void 0) context[key] = end[key];
  }
  ctx.store.updateContext(taskId, context, "hook");
}
function blockRun(ctx, taskId, reason) {
  if (isTerminal(ctx.store.requireTask(taskId).status)) return;
  ctx.store.setStatus(taskId, "blocked", "hook", { reason: clip(oneLine(reason), BLOCKER_LIMIT) });
}

// src/hooks/adapters/file-write.ts
var import_node_path13 = require("node:path");
var FILE_TOOLS = ["Write", "Edit", "MultiEdit", "NotebookEdit"];
function projectPath(root, file) {
  const inside = (0, import_node_path13.relative)(root, file);
  const outside = inside === ".." || inside.startsWith(`..${import_node_path13.sep}`) || (0, import_node_path13.isAbsolute)(inside);
  return inside && !outside ? inside : file;
}
function fileWritten(event, ctx) {
  const file = requiredString(event.tool_input, event.tool_name === "NotebookEdit" ? "notebook_path" : "file_path");
  ctx.store.addToContextList(actingTaskId(ctx, event), "files_modified", projectPath(ctx.root, file), "hook");
}

// src/hooks/checklist.ts
var LABEL = { in_progress: "in progress", blocked: "blocked", pending: "pending" };
function renderChecklist(tasks, total, limit) {
  if (total === 0) return "";
  const header = `tasktrail: ${total} open task${total === 1 ? "" : "s"} in this project (TASKS.md). Update them with your task tools or \`tasktrail start|done|block ID\`.`;
  const lines = [header];
  let length = header.length;
  let shown = 0;
  for (const task of tasks) {
    const reason = task.status === "blocked" && task.blocked_reason ? ` \u2014 ${oneLine(task.blocked_reason)}` : "";
    const line = `- [${LABEL[task.status]}] ${task.id} ${task.title}${reason}`;
    if (length + line.length + 1 > limit - 40) break;
    lines.push(line);
    length += line.length + 1;
    shown++;
  }
  if (shown < total) lines.push(`\u2026and ${total - shown} more: tasktrail list`);
  return lines.join("\n");
}

// src/hooks/adapters/session-start.ts
var MAX_LISTED = 60;
function sessionStarted(event, ctx) {
  ctx.state.startSession(event.session_id, ctx.repo.id, event.source ?? null, event.transcript_path ?? null);
  const open = `repo_id = ? AND status IN ('in_progress', 'blocked', 'pending')`;
  const tasks = ctx.store.prepare(
    `SELECT id, title, status, task_context ->> 'blocked_reason' AS blocked_reason FROM tasks WHERE ${open}
       ORDER BY CASE status WHEN 'in_progress' THEN 0 WHEN 'blocked' THEN 1 ELSE 2 END, created_at, position LIMIT ${MAX_LISTED}`
  ).all(ctx.repo.id);
  const { total } = ctx.store.prepare(`SELECT COUNT(*) AS total FROM tasks WHERE ${open}`).get(ctx.repo.id);
  const checklist2 = renderChecklist(tasks, total, SESSION_CONTEXT_LIMIT);
  if (!checklist2) return;
  return { hookSpecificOutput: { hookEventName: "SessionStart", additionalContext: checklist2 } };
}

// src/hooks/adapters/stop.ts
function stopped(event, ctx) {
  const taskId = ctx.state.prompt(event.session_id, promptKey(event))?.task_id;
  const task = taskId ? ctx.store.getTask(taskId) : void 0;
  if (!task || isTerminal(task.status)) return;
  const { open } = ctx.store.prepare(`SELECT COUNT(*) AS open FROM tasks WHERE parent_task_id = ? AND status NOT IN ('completed', 'cancelled')`).get(task.id);
  if (open > 0) return;
  if (event.last_assistant_message) {
    ctx.store.updateContext(task.id, { outcome: clip(event.last_assistant_message.trim(), OUTCOME_LIMIT) }, "hook");
  }
  ctx.store.setStatus(task.id, "completed", "hook", { note: "the turn ended with nothing open" });
}
function sessionEnded(event, ctx) {
  ctx.state.endSession(event.session_id, ctx.repo.id);
}

// src/hooks/adapters/task-create.ts
function taskCreated(event, ctx) {
  const subject = requiredString(event.tool_input, "subject");
  const description = optionalString(event.tool_input, "description");
  const metadata = optionalFields(event.tool_input, "metadata");
  if (!isFields(event.tool_response)) throw new ShapeError("tool_response is not an object");
  const claudeId = requiredString(requiredFields(event.tool_response, "task"), "id");
  if (ctx.state.planTaskByClaudeId(event.session_id, claudeId)) return;
  const task = ctx.store.createTask(
    ctx.repo.id,
    {
      title: taskTitle(subject),
      parent_task_id: requestTask(ctx, event).id,
      description: description || null,
      task_type: taskTypeOf(subject, metadata && optionalString(metadata, "type")),
      session_id: event.session_id,
      client: ctx.repo.client,
      project: ctx.repo.project
    },
    "hook"
  );
  ctx.state.addPlanTask(event.session_id, task.id, claudeId);
}

// src/hooks/adapters/task-update.ts
var STATUS_OF = {
  pending: "pending",
  in_progress: "in_progress",
  completed: "completed",
  deleted: "cancelled"
};
function taskUpdated(event, ctx) {
  if (isFields(event.tool_response) && event.tool_response.success === false) return;
  const input = event.tool_input;
  const claudeId = requiredString(input, "taskId");
  const status2 = optionalString(input, "status");
  if (status2 !== void 0 && !Object.hasOwn(STATUS_OF, status2)) throw new ShapeError(`status ${JSON.stringify(status2)} is unknown`);
  const subject = optionalString(input, "subject");
  const description = optionalString(input, "description");
  const owner = optionalString(input, "owner");
  const blockedBy = optionalStrings(input, "addBlockedBy") ?? [];
  const blocks = optionalStrings(input, "addBlocks") ?? [];
  const ours = (id) => ctx.state.planTaskByClaudeId(event.session_id, id);
  const taskId = ours(claudeId);
  if (!taskId) return;
  ctx.store.updateTask(
    taskId,
    {
      title: subject === void 0 ? void 0 : taskTitle(subject),
      description,
      assigned_agent: owner
    },
    "hook"
  );
  if (status2 !== void 0) {
    ctx.store.setStatus(taskId, STATUS_OF[status2], "hook", status2 === "deleted" ? { note: "deleted by Claude" } : {});
  }
  for (const other of blockedBy.map(ours)) if (other) ctx.store.addDependency(taskId, other, "hook");
  for (const other of blocks.map(ours)) if (other) ctx.store.addDependency(other, taskId, "hook");
}

// src/hooks/todo-diff.ts
var SAME_ITEM = 0.5;
function words(text2) {
  return new Set(text2.toLowerCase().split(/[^\p{L}\p{N}_]+/u).filter(Boolean));
}
function likeness(a, b) {
  if (a.activeForm && a.activeForm === b.activeForm) return 1;
  const left = words(a.content);
  const right = words(b.content);
  let common = 0;
  for (const word of left) if (right.has(word)) common++;
  if (common > 0 && common === Math.min(left.size, right.size)) return 1;
  const all = left.size + right.size - common;
  return all === 0 ? 0 : common / all;
}
function diffTodos(previous, next) {
  const pairedWith = /* @__PURE__ */ new Map();
  const taken = /* @__PURE__ */ new Set();
  next.forEach((todo, i) => {
    const same = previous.findIndex((old, j) => !taken.has(j) && old.content === todo.content);
    if (same >= 0) {
      pairedWith.set(i, same);
      taken.add(same);
    }
  });
  const candidates = [];
  next.forEach((todo, i) => {
    if (pairedWith.has(i)) return;
    previous.forEach((old, j) => {
      if (taken.has(j)) return;
      const score = likeness(old, todo);
      if (score >= SAME_ITEM) candidates.push({ i, j, score });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.i - b.i);
  for (const { i, j } of candidates) {
    if (pairedWith.has(i) || taken.has(j)) continue;
    pairedWith.set(i, j);
    taken.add(j);
  }
  const changes = next.map((todo, i) => {
    const j = pairedWith.get(i);
    if (j === void 0) return { kind: "new", todo };
    const old = previous[j];
    return { kind: "kept", task_id: old.task_id, todo, renamed: old.content !== todo.content, statusChanged: old.status !== todo.status };
  });
  previous.forEach((old, j) => {
    if (!taken.has(j)) changes.push({ kind: "dropped", task_id: old.task_id, status: old.status });
  });
  return changes;
}

// src/hooks/adapters/todo-write.ts
var TODO_STATUSES = ["pending", "in_progress", "completed"];
function readTodos(input) {
  const todos = input.todos;
  if (!Array.isArray(todos)) throw new ShapeError("todos is not a list");
  return todos.map((item) => {
    if (!isFields(item)) throw new ShapeError("a todo is not an object");
    const status2 = requiredString(item, "status");
    if (!TODO_STATUSES.includes(status2)) throw new ShapeError(`todo status ${JSON.stringify(status2)} is unknown`);
    return { content: requiredString(item, "content"), status: status2, activeForm: optionalString(item, "activeForm") };
  });
}
function todosWritten(event, ctx) {
  const todos = readTodos(event.tool_input);
  const kept = [];
  const create = (todo) => {
    const task = ctx.store.createTask(
      ctx.repo.id,
      {
        title: taskTitle(todo.content),
        parent_task_id: requestTask(ctx, event).id,
        status: todo.status,
        task_type: inferTaskType(todo.content),
        session_id: event.session_id,
        client: ctx.repo.client,
        project: ctx.repo.project
      },
      "hook"
    );
    ctx.state.addPlanTask(event.session_id, task.id, null);
    return task.id;
  };
  for (const change of diffTodos(ctx.state.todoList(event.session_id), todos)) {
    if (change.kind === "dropped") {
      const task = ctx.store.getTask(change.task_id);
      if (task && !isTerminal(task.status)) ctx.store.setStatus(task.id, "cancelled", "hook", { note: "dropped from the todo list" });
      continue;
    }
    const { todo } = change;
    if (change.kind === "new" || !ctx.store.getTask(change.task_id)) {
      kept.push({ content: todo.content, status: todo.status, activeForm: todo.activeForm, task_id: create(todo) });
      continue;
    }
    if (change.renamed) ctx.store.updateTask(change.task_id, { title: taskTitle(todo.content) }, "hook", "renamed in the todo list");
    if (change.statusChanged) ctx.store.setStatus(change.task_id, todo.status, "hook");
    kept.push({ content: todo.content, status: todo.status, activeForm: todo.activeForm, task_id: change.task_id });
  }
  ctx.state.setTodoList(event.session_id, kept);
}

// src/hooks/adapters/tool-failure.ts
function attempt(input) {
  for (const key of ["command", "file_path", "notebook_path", "url"]) {
    if (typeof input[key] === "string") return oneLine(input[key]);
  }
  return void 0;
}
function blockerText(event) {
  const what = attempt(event.tool_input);
  return clip(`${event.tool_name}${what ? ` \`${what}\`` : ""}: ${oneLine(event.error)}`, BLOCKER_LIMIT);
}
function toolFailed(event, ctx) {
  if (event.is_interrupt) return;
  if (AGENT_TOOLS.includes(event.tool_name)) {
    agentFailed(event, ctx);
    return;
  }
  ctx.store.addToContextList(actingTaskId(ctx, event), "blockers_encountered", blockerText(event), "hook");
}

// src/hooks/task-notification.ts
function isTaskNotification(prompt) {
  return prompt.trimStart().startsWith("<task-notification>");
}
function tag(block2, name) {
  const match = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(block2);
  return match ? match[1].trim() : void 0;
}
function count(block2, name) {
  const value = tag(block2, name);
  return value !== void 0 && /^\d+$/.test(value) ? Number(value) : void 0;
}
function parseTaskNotification(prompt) {
  return {
    agentId: tag(prompt, "task-id"),
    toolUseId: tag(prompt, "tool-use-id"),
    status: tag(prompt, "status"),
    summary: tag(prompt, "summary"),
    result: tag(prompt, "result"),
    tokens: count(prompt, "subagent_tokens"),
    toolUses: count(prompt, "tool_uses"),
    durationMs: count(prompt, "duration_ms")
  };
}

// src/hooks/adapters/user-prompt.ts
function userPromptSubmitted(event, ctx) {
  if (isTaskNotification(event.prompt)) {
    agentNotified(parseTaskNotification(event.prompt), event.session_id, ctx);
    return;
  }
  ctx.state.rememberPrompt(event.session_id, promptKey(event), event.prompt.slice(0, REQUEST_LIMIT));
}

// src/hooks/dispatch.ts
function postToolUse(tool2) {
  if (tool2 === "TaskCreate") return taskCreated;
  if (tool2 === "TaskUpdate") return taskUpdated;
  if (tool2 === "TodoWrite") return todosWritten;
  if (AGENT_TOOLS.includes(tool2)) return agentReturned;
  if (FILE_TOOLS.includes(tool2)) return fileWritten;
  return void 0;
}
function once(event, apply2) {
  return (ctx) => {
    if (ctx.state.markProcessed(event.session_id, event.tool_use_id, event.hook_event_name)) apply2(ctx);
  };
}
function changeFor(event) {
  switch (event.hook_event_name) {
    case "SessionStart":
      return (ctx) => sessionStarted(event, ctx);
    case "UserPromptSubmit":
      return (ctx) => userPromptSubmitted(event, ctx);
    case "PreToolUse":
      return AGENT_TOOLS.includes(event.tool_name) ? once(event, (ctx) => agentLaunched(event, ctx)) : void 0;
    case "PostToolUse": {
      const adapter = postToolUse(event.tool_name);
      return adapter && once(event, (ctx) => adapter(event, ctx));
    }
    case "PostToolUseFailure":
      return once(event, (ctx) => toolFailed(event, ctx));
    case "SubagentStart":
      return (ctx) => subagentStarted(event, ctx);
    case "SubagentStop":
      return (ctx) => subagentStopped(event, ctx);
    case "Stop":
      return (ctx) => stopped(event, ctx);
    case "SessionEnd":
      return (ctx) => sessionEnded(event, ctx);
  }
}

// src/hooks/event.ts
var UnknownEventError = class extends Error {
  name = "UnknownEventError";
};
function tool(fields) {
  return {
    tool_name: requiredString(fields, "tool_name"),
    tool_input: requiredFields(fields, "tool_input"),
    tool_use_id: requiredString(fields, "tool_use_id")
  };
}
function parseEvent(value) {
  if (!isFields(value)) throw new ShapeError("the event is not a JSON object");
  const name = requiredString(value, "hook_event_name");
  const common = {
    session_id: requiredString(value, "session_id"),
    cwd: requiredString(value, "cwd"),
    prompt_id: optionalString(value, "prompt_id"),
    agent_id: optionalString(value, "agent_id")
  };
  switch (name) {
    case "SessionStart":
      return { ...common, hook_event_name: name, source: optionalString(value, "source"), transcript_path: optionalString(value, "transcript_path") };
    case "UserPromptSubmit":
      return { ...common, hook_event_name: name, prompt: requiredString(value, "prompt") };
    case "PreToolUse":
      return { ...common, hook_event_name: name, ...tool(value) };
    case "PostToolUse":
      return { ...common, hook_event_name: name, ...tool(value), tool_response: value.tool_response };
    case "PostToolUseFailure":
      return {
        ...common,
        hook_event_name: name,
        ...tool(value),
        error: optionalString(value, "error") ?? "failed",
        is_interrupt: optionalBoolean(value, "is_interrupt") ?? false
      };
    case "SubagentStart":
      return { ...common, hook_event_name: name, agent_id: requiredString(value, "agent_id"), agent_type: optionalString(value, "agent_type") };
    case "SubagentStop":
      return {
        ...common,
        hook_event_name: name,
        agent_id: requiredString(value, "agent_id"),
        last_assistant_message: optionalString(value, "last_assistant_message")
      };
    case "Stop":
      return { ...common, hook_event_name: name, last_assistant_message: optionalString(value, "last_assistant_message") };
    case "SessionEnd":
      return { ...common, hook_event_name: name, reason: optionalString(value, "reason") };
    default:
      throw new UnknownEventError(`unknown event ${JSON.stringify(name).slice(0, 60)}`);
  }
}

// src/hooks/log.ts
var import_node_fs11 = require("node:fs");
var import_node_path14 = require("node:path");
var LOG_ROTATE_BYTES = 1e6;
function logPath(home) {
  return (0, import_node_path14.join)(home, "hook.log");
}
function logLine(home, origin, message) {
  try {
    (0, import_node_fs11.mkdirSync)(home, { recursive: true });
    const file = logPath(home);
    try {
      if ((0, import_node_fs11.statSync)(file).size > LOG_ROTATE_BYTES) (0, import_node_fs11.renameSync)(file, `${file}.1`);
    } catch {
    }
    const line = [(/* @__PURE__ */ new Date()).toISOString(), origin.event ?? "-", origin.session ?? "-", oneLine(message).slice(0, 2e3)].join(" ");
    (0, import_node_fs11.appendFileSync)(file, line + "\n");
  } catch {
  }
}
function firstWarning(home, sessionId) {
  try {
    const dir = (0, import_node_path14.join)(home, "hook-warned");
    (0, import_node_fs11.mkdirSync)(dir, { recursive: true });
    (0, import_node_fs11.closeSync)((0, import_node_fs11.openSync)((0, import_node_path14.join)(dir, sessionId.replace(/[^\w.-]/g, "_")), "wx"));
    return true;
  } catch {
    return false;
  }
}

// src/hooks/project-sync.ts
async function changeProject(store2, project, repo, change) {
  const { result, report: report2 } = await withProjectSync(store2, project, repo, change, { source: "hook" });
  return { result, refused: report2.refused };
}
async function syncFirst(store2, project, repo) {
  return (await syncProject(store2, project, repo, { source: "hook" })).refused;
}

// src/hooks/spool.ts
var import_node_fs12 = require("node:fs");
var import_node_module3 = require("node:module");
var import_node_path15 = require("node:path");
function spoolPath(home, projectKey) {
  const { createHash } = (0, import_node_module3.createRequire)(__import_meta_url)("node:crypto");
  const name = createHash("sha256").update(projectKey).digest("hex").slice(0, 16);
  return (0, import_node_path15.join)(home, "spool", `${name}.jsonl`);
}
function anySpooled(home) {
  try {
    return (0, import_node_fs12.readdirSync)((0, import_node_path15.join)(home, "spool")).some((name) => name.endsWith(".jsonl"));
  } catch {
    return false;
  }
}
function spool(file, events) {
  if (events.length === 0) return;
  (0, import_node_fs12.mkdirSync)((0, import_node_path15.dirname)(file), { recursive: true });
  (0, import_node_fs12.appendFileSync)(file, events.map((event) => JSON.stringify(event) + "\n").join(""));
}
function takeSpool(file) {
  const taken = `${file}.${process.pid}.taken`;
  try {
    (0, import_node_fs12.renameSync)(file, taken);
  } catch {
    return [];
  }
  const lines = (0, import_node_fs12.readFileSync)(taken, "utf8").split("\n").filter((line) => line !== "");
  (0, import_node_fs12.unlinkSync)(taken);
  return lines.flatMap((line) => {
    try {
      return [JSON.parse(line)];
    } catch {
      return [];
    }
  });
}

// src/hooks/state.ts
var HookState = class {
  constructor(store2) {
    this.store = store2;
  }
  /** Records a tool event as applied; false when it already was (a repeated delivery). */
  markProcessed(sessionId, toolUseId, hookEvent) {
    const run = this.store.prepare("INSERT OR IGNORE INTO hook_processed (session_id, tool_use_id, hook_event) VALUES (?, ?, ?)").run(sessionId, toolUseId, hookEvent);
    return run.changes > 0;
  }
  // ---- sessions ----
  startSession(sessionId, repoId, source, transcriptPath) {
    this.store.prepare(
      `INSERT INTO sessions (id, repo_id, started_at, source, transcript_path) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET source = excluded.source, ended_at = NULL`
    ).run(sessionId, repoId, this.store.now(), source, transcriptPath);
  }
  endSession(sessionId, repoId) {
    const now = this.store.now();
    this.store.prepare(
      `INSERT INTO sessions (id, repo_id, started_at, ended_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET ended_at = excluded.ended_at`
    ).run(sessionId, repoId, now, now);
  }
  // ---- prompts ----
  /** Remembers a prompt's request; the first one given for a prompt_id stays. */
  rememberPrompt(sessionId, promptId, request) {
    this.store.prepare("INSERT OR IGNORE INTO hook_prompts (session_id, prompt_id, request, created_at) VALUES (?, ?, ?, ?)").run(sessionId, promptId, request, this.store.now());
  }
  prompt(sessionId, promptId) {
    return this.store.prepare("SELECT request, task_id FROM hook_prompts WHERE session_id = ? AND prompt_id = ?").get(sessionId, promptId);
  }
  setPromptTask(sessionId, promptId, taskId) {
    this.store.prepare(
      `INSERT INTO hook_prompts (session_id, prompt_id, request, task_id, created_at) VALUES (?, ?, '', ?, ?)
         ON CONFLICT (session_id, prompt_id) DO UPDATE SET task_id = excluded.task_id`
    ).run(sessionId, promptId, taskId, this.store.now());
  }
  // ---- Claude's plan ----
  addPlanTask(sessionId, taskId, claudeId) {
    this.store.prepare("INSERT OR REPLACE INTO hook_plan_tasks (session_id, task_id, claude_id) VALUES (?, ?, ?)").run(sessionId, taskId, claudeId);
  }
  /** Our task for TaskCreate's id in the session's list. */
  planTaskByClaudeId(sessionId, claudeId) {
    const row = this.store.prepare("SELECT task_id FROM hook_plan_tasks WHERE session_id = ? AND claude_id = ?").get(sessionId, claudeId);
    return row?.task_id;
  }
  /** The plan task the main thread works on: the one of the session in progress, started last. */
  planTaskInProgress(sessionId) {
    const row = this.store.prepare(
      `SELECT t.id FROM hook_plan_tasks p JOIN tasks t ON t.id = p.task_id
         WHERE p.session_id = ? AND t.status = 'in_progress' ORDER BY t.started_at DESC, t.rowid DESC LIMIT 1`
    ).get(sessionId);
    return row?.id;
  }
  todoList(sessionId) {
    const row = this.store.prepare("SELECT items FROM hook_todo_lists WHERE session_id = ?").get(sessionId);
    return row ? JSON.parse(row.items) : [];
  }
  setTodoList(sessionId, items) {
    this.store.prepare("INSERT OR REPLACE INTO hook_todo_lists (session_id, items) VALUES (?, ?)").run(sessionId, JSON.stringify(items));
  }
  // ---- agent runs ----
  addAgentRun(sessionId, toolUseId, agentType, taskId) {
    this.store.prepare("INSERT OR IGNORE INTO hook_agent_runs (session_id, tool_use_id, agent_type, task_id, created_at) VALUES (?, ?, ?, ?, ?)").run(sessionId, toolUseId, agentType, taskId, this.store.now());
  }
  agentRunByToolUse(sessionId, toolUseId) {
    return this.store.prepare("SELECT tool_use_id, agent_type, agent_id, task_id FROM hook_agent_runs WHERE session_id = ? AND tool_use_id = ?").get(sessionId, toolUseId);
  }
  agentRunByAgentId(sessionId, agentId) {
    return this.store.prepare("SELECT tool_use_id, agent_type, agent_id, task_id FROM hook_agent_runs WHERE session_id = ? AND agent_id = ?").get(sessionId, agentId);
  }
  /**
   * The oldest run of this agent type not yet tied to an agent: SubagentStart carries no
   * tool_use_id, and agents of one session start in the order they were launched.
   */
  unboundAgentRun(sessionId, agentType) {
    return this.store.prepare(
      `SELECT tool_use_id, agent_type, agent_id, task_id FROM hook_agent_runs
         WHERE session_id = ? AND agent_id IS NULL AND (agent_type IS ? OR ? IS NULL)
         ORDER BY created_at, rowid LIMIT 1`
    ).get(sessionId, agentType, agentType);
  }
  /** Ties a run to its agent, untying the agent from any run it was guessed for. */
  bindAgent(sessionId, toolUseId, agentId) {
    this.store.prepare("UPDATE hook_agent_runs SET agent_id = NULL WHERE session_id = ? AND agent_id = ? AND tool_use_id <> ?").run(sessionId, agentId, toolUseId);
    this.store.prepare("UPDATE hook_agent_runs SET agent_id = ? WHERE session_id = ? AND tool_use_id = ?").run(agentId, sessionId, toolUseId);
  }
};

// src/hooks/run.ts
var SESSION_END_BUSY_MS = 800;
function originOf(value) {
  if (!isFields(value)) return {};
  const text2 = (key) => typeof value[key] === "string" ? value[key] : void 0;
  return { event: text2("tool_name") ? `${text2("hook_event_name")}:${text2("tool_name")}` : text2("hook_event_name"), session: text2("session_id") };
}
function read(value) {
  let event;
  try {
    event = parseEvent(value);
  } catch (error) {
    return `ignored: ${error.message}`;
  }
  const change = changeFor(event);
  if (!change) return `ignored: tasktrail does not handle ${"tool_name" in event ? `the tool ${event.tool_name}` : event.hook_event_name}`;
  return { event, change };
}
function isBusy(error) {
  return String(error.code ?? "").startsWith("SQLITE_BUSY");
}
async function apply(store2, project, event, change, log) {
  const repo = store2.repo(project.key, project.root);
  const ctx = { store: store2, state: new HookState(store2), repo, root: project.root };
  const refusedBefore = event.hook_event_name === "SessionStart" ? await syncFirst(store2, project, repo) : void 0;
  const { result, refused } = await changeProject(store2, project, repo, () => change(ctx));
  const why = refused ?? refusedBefore;
  if (why) log(`recorded in the store, but TASKS.md was not written: ${why}`);
  return result;
}
async function drainSpool(store2, project, home, file) {
  const events = takeSpool(file);
  for (const [i, value] of events.entries()) {
    const parsed = read(value);
    if (typeof parsed === "string") continue;
    try {
      await apply(store2, project, parsed.event, parsed.change, (message) => logLine(home, originOf(value), message));
    } catch (error) {
      if (isBusy(error)) {
        spool(file, events.slice(i));
        throw error;
      }
      logLine(home, originOf(value), `spooled event dropped: ${error.message}`);
    }
  }
  return events.length;
}
async function applySpool(env, dir) {
  const home = tasktrailHome(env);
  const project = locateProject(dir, home);
  if (project.kind === "home") return 0;
  const store2 = new Store(openDatabase(storePath(env)));
  try {
    return await drainSpool(store2, project, home, spoolPath(home, project.key));
  } finally {
    store2.close();
  }
}
function warning(home, sessionId, message) {
  if (!firstWarning(home, sessionId)) return "";
  const output = { systemMessage: `tasktrail: ${message} (details: ${logPath(home)})` };
  return JSON.stringify(output);
}
async function runHook(stdin, env) {
  try {
    return await handleEvent(stdin, env);
  } catch (error) {
    logLine(tasktrailHome(env), {}, `failed: ${error?.stack ?? String(error)}`);
    return "";
  }
}
async function handleEvent(stdin, env) {
  const home = tasktrailHome(env);
  let value;
  try {
    value = JSON.parse(stdin);
  } catch {
    logLine(home, {}, `ignored: stdin is not JSON (${stdin.length} characters)`);
    return "";
  }
  const origin = originOf(value);
  const parsed = read(value);
  if (typeof parsed === "string") {
    logLine(home, origin, parsed);
    return "";
  }
  const { event, change } = parsed;
  const project = locateProject(env.CLAUDE_PROJECT_DIR || event.cwd, home);
  if (project.kind === "home") {
    logLine(home, origin, `ignored: ${env.CLAUDE_PROJECT_DIR || event.cwd} is in no git repository and has no TASKS.md`);
    return "";
  }
  let store2;
  try {
    store2 = new Store(openDatabase(storePath(env)));
  } catch (error) {
    const file = spoolPath(home, project.key);
    spool(file, [value]);
    logLine(home, origin, `store unavailable, event spooled to ${file}: ${error.message}`);
    if (error.name === "AddonMissingError") {
      if (event.hook_event_name === "SessionStart") startAddonInstall(env, process.argv[1], project.root);
      return warning(
        home,
        event.session_id,
        `installing its SQLite module in the background (once; a minute or two, see ${installLogPath(env)}); events are kept in ${file} and recorded when it is done`
      );
    }
    return warning(home, event.session_id, `the task store could not be opened; events are kept in ${file} and applied later`);
  }
  try {
    if (event.hook_event_name === "SessionEnd") store2.db.pragma(`busy_timeout = ${SESSION_END_BUSY_MS}`);
    if (anySpooled(home)) await drainSpool(store2, project, home, spoolPath(home, project.key));
    const output = await apply(store2, project, event, change, (message) => logLine(home, origin, message));
    return output ? JSON.stringify(output) : "";
  } catch (error) {
    if (isBusy(error)) {
      const file = spoolPath(home, project.key);
      spool(file, [value]);
      logLine(home, origin, `store busy, event spooled to ${file}`);
      return warning(home, event.session_id, `the task store was busy; events are kept in ${file} and applied later`);
    }
    logLine(home, origin, `failed: ${error.stack ?? String(error)}`);
    return warning(home, event.session_id, "a hook failed and this event was not recorded");
  } finally {
    store2.close();
  }
}

// src/cli/commands/hook.ts
async function readStdin() {
  try {
    return (0, import_node_fs13.readFileSync)(0, "utf8");
  } catch (error) {
    if (error.code !== "EAGAIN") throw error;
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    return Buffer.concat(chunks).toString("utf8");
  }
}
var hook = {
  usage: "hook < EVENT.json",
  summary: "apply one Claude Code hook event from stdin (used by the plugin)",
  positionals: [0, 0],
  options: {},
  async run(invocation) {
    const stdout = await runHook(await readStdin(), invocation.env);
    if (stdout) process.stdout.write(stdout);
    return 0;
  }
};
var hook_default = hook;

// src/cli/commands/demo.ts
var demo = {
  usage: "demo",
  summary: "replay a recorded Claude Code session through the hooks into a throwaway project",
  positionals: [0, 0],
  options: {},
  async run(invocation) {
    const { runDemo } = await Promise.resolve().then(() => __toESM(require("./hooks-demo-run-demo.js"), 1));
    return runDemo({ out: invocation.output.out, cli: process.argv[1], env: invocation.env });
  }
};
var demo_default = demo;

// src/billing/link.ts
function modeOf(link3) {
  return link3.client ? "msp" : link3.project ? "development" : "normal";
}
function checkName(kind, name) {
  const trimmed = name.trim();
  if (!trimmed || /[\r\n]/.test(trimmed)) throw new Error(`the ${kind} name must be one non-empty line`);
  return trimmed;
}
function linkRepo(store2, repo, link3) {
  const named = link3.client !== null ? { client: checkName("client", link3.client), project: null } : link3.project !== null ? { client: null, project: checkName("project", link3.project) } : link3;
  store2.setRepoLink(repo.id, named);
  return store2.repoByKey(repo.key);
}

// src/cli/commands/link.ts
function describe(repo) {
  if (repo.client) return `client ${repo.client} (MSP mode: completed tasks become work items for ${repo.client})`;
  if (repo.project) return `project ${repo.project} (Development mode)`;
  return "no client or project (Normal mode)";
}
var link = {
  usage: "link [--client NAME | --project NAME | --none] [--json]",
  summary: "link the current repository to a client or a project (kept in your store, not in the repository)",
  positionals: [0, 0],
  options: { client: { type: "string" }, project: { type: "string" }, none: { type: "boolean" }, json: { type: "boolean" } },
  run(invocation) {
    const { values } = invocation;
    const client = text(values, "client");
    const project = text(values, "project");
    const given = [client !== void 0, project !== void 0, values.none === true].filter(Boolean).length;
    if (given > 1) throw usageError("give one of --client, --project and --none");
    let wanted;
    if (client !== void 0) wanted = { client, project: null };
    else if (project !== void 0) wanted = { client: null, project };
    else if (values.none) wanted = { client: null, project: null };
    const context = openContext(invocation);
    let repo = context.repo;
    if (wanted) {
      try {
        repo = context.store.transaction(() => linkRepo(context.store, context.repo, wanted));
      } catch (error) {
        throw usageError(`${error.message}; the link was left as it was`);
      }
    }
    if (values.json) {
      printJson(invocation.output, { repository: repo.root, mode: modeOf(repo), client: repo.client, project: repo.project });
      return;
    }
    const out = invocation.output;
    out.out(`${repo.root} is ${wanted ? "now " : ""}linked to ${describe(repo)}`);
    if (wanted) out.out("New tasks here carry this link; tasks already here keep theirs.");
  }
};
var link_default = link;

// src/report/units.ts
function formatMinutes(minutes) {
  const whole = Math.round(minutes);
  if (whole < 60) return `${whole} min`;
  const rest = whole % 60;
  return `${Math.floor(whole / 60)} h${rest ? ` ${rest} min` : ""}`;
}
function hours(minutes) {
  return (minutes / 60).toFixed(2);
}
function msToMinutes(ms) {
  return Math.round(ms / 6e4);
}

// src/report/summaries.ts
function taskCounts(tasks) {
  return {
    open: tasks.filter((t) => t.status === "pending" || t.status === "in_progress" || t.status === "blocked").length,
    completed: tasks.filter((t) => t.status === "completed").length
  };
}
function clientSummary(store2, name) {
  const billed = store2.workItems({ client: name });
  return {
    name,
    ...taskCounts(store2.listTasks({ client: name })),
    work_items: billed.length,
    billable_minutes: billed.reduce((sum, w) => sum + w.billable_minutes, 0),
    rounding: store2.roundingRule(name)
  };
}
function projectSummary(store2, name) {
  const tasks = store2.listTasks({ project: name });
  const completed = tasks.filter((t) => t.status === "completed");
  const times = taskTimes(store2, completed);
  const billable_minutes = tasks.reduce((sum, t) => sum + (store2.workItem(t.id)?.billable_minutes ?? 0), 0);
  return {
    name,
    ...taskCounts(tasks),
    active_minutes: msToMinutes(completed.reduce((sum, t) => sum + (times.get(t.id)?.ms ?? 0), 0)),
    billable_minutes
  };
}

// src/cli/commands/clients.ts
function wholeMinutes(values, name, least) {
  const raw = values[name];
  if (raw === void 0) return void 0;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < least) throw usageError(`--${name} takes a whole number of minutes, ${least} or more; got "${String(raw)}"`);
  return value;
}
var clients = {
  usage: "clients [--set NAME [--increment MIN] [--minimum MIN] [--round up|nearest]] [--json]",
  summary: "list clients with open and completed tasks and billable minutes; --set changes how a client is billed",
  positionals: [0, 0],
  options: {
    set: { type: "string" },
    increment: { type: "string" },
    minimum: { type: "string" },
    round: { type: "string" },
    json: { type: "boolean" }
  },
  run(invocation) {
    const { values } = invocation;
    const increment = wholeMinutes(values, "increment", 1);
    const minimum = wholeMinutes(values, "minimum", 0);
    const round = text(values, "round");
    if (round !== void 0 && !isRoundingMode(round)) throw usageError(`--round takes ${ROUNDING_MODES.join(" or ")}, not "${round}"`);
    const setting = text(values, "set");
    if (setting === void 0 && (increment ?? minimum ?? round) !== void 0) throw usageError("--increment, --minimum and --round need --set NAME");
    const context = openContext(invocation);
    const { store: store2 } = context;
    if (setting !== void 0) {
      let name;
      try {
        name = checkName("client", setting);
      } catch (error) {
        throw usageError(error.message);
      }
      store2.transaction(() => {
        const rule = { ...store2.roundingRule(name) };
        if (increment !== void 0) rule.increment_minutes = increment;
        if (minimum !== void 0) rule.minimum_minutes = minimum;
        if (round !== void 0) rule.rounding = round;
        store2.setRoundingRule(name, rule);
      });
      if (!values.json) invocation.output.out(`${name}: ${describeRule(store2.roundingRule(name))}; applies to work items made from now on`);
    }
    const summaries = store2.clientNames().map((name) => clientSummary(store2, name));
    if (values.json) {
      printJson(invocation.output, { clients: summaries });
      return;
    }
    if (setting !== void 0) return;
    if (summaries.length === 0) {
      invocation.output.out("no clients yet; link a repository with tasktrail link --client NAME");
      return;
    }
    for (const c of summaries) {
      invocation.output.out(`${c.name}: ${c.open} open, ${c.completed} completed, ${formatMinutes(c.billable_minutes)} billable in ${c.work_items} work item${c.work_items === 1 ? "" : "s"} (${describeRule(c.rounding)})`);
    }
  }
};
var clients_default = clients;

// src/cli/commands/projects.ts
var projects = {
  usage: "projects [--json]",
  summary: "list projects with open and completed tasks, measured time and billable minutes",
  positionals: [0, 0],
  options: { json: { type: "boolean" } },
  run(invocation) {
    const { store: store2 } = openContext(invocation);
    const summaries = store2.projectNames().map((name) => projectSummary(store2, name));
    if (invocation.values.json) {
      printJson(invocation.output, { projects: summaries });
      return;
    }
    if (summaries.length === 0) {
      invocation.output.out("no projects yet; link a repository with tasktrail link --project NAME");
      return;
    }
    for (const p of summaries) {
      invocation.output.out(`${p.name}: ${p.open} open, ${p.completed} completed, ${formatMinutes(p.active_minutes)} measured, ${formatMinutes(p.billable_minutes)} billable`);
    }
  }
};
var projects_default = projects;

// src/cli/commands/bill.ts
function wholeNumber(raw, name, least) {
  if (raw === void 0) return void 0;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < least) throw usageError(`--${name} takes a whole number, ${least} or more; got "${String(raw)}"`);
  return value;
}
var bill = {
  usage: "bill ID [--minutes N | --no-bill | --auto] [--json]  |  bill --idle-minutes N",
  summary: "show or change what a client task bills: override its minutes, mark it not billable, or go back to the measured time",
  positionals: [0, 1],
  options: {
    minutes: { type: "string" },
    "no-bill": { type: "boolean" },
    auto: { type: "boolean" },
    "idle-minutes": { type: "string" },
    json: { type: "boolean" }
  },
  run(invocation) {
    const { values } = invocation;
    const minutes = wholeNumber(values.minutes, "minutes", 0);
    const idle = wholeNumber(values["idle-minutes"], "idle-minutes", 1);
    const changes = [minutes !== void 0, values["no-bill"] === true, values.auto === true].filter(Boolean).length;
    if (changes > 1) throw usageError("give one of --minutes, --no-bill and --auto");
    const id = invocation.positionals[0];
    if (idle !== void 0) {
      if (id !== void 0 || changes > 0) throw usageError("--idle-minutes is a setting of the whole store; give it alone");
      const { store: store3 } = openContext(invocation);
      setIdleMinutes(store3, idle);
      if (values.json) printJson(invocation.output, { idle_minutes: idle });
      else invocation.output.out(`a session now counts as idle after ${idle} minutes without activity; applies to work items made from now on`);
      return;
    }
    if (id === void 0) throw usageError("bill needs a task ID (or --idle-minutes N)", [`usage: tasktrail ${bill.usage}`]);
    const context = openContext(invocation);
    const { store: store2 } = context;
    const result = store2.transaction(() => {
      const task2 = findTask(context, id);
      if (!task2.client) {
        throw new CliError(`${task2.id} is not for a client, so it is not billed; nothing was changed (link a repository with tasktrail link --client NAME for new tasks)`);
      }
      const root2 = billingRootOf(store2, task2);
      if (minutes !== void 0 && root2.id !== task2.id) {
        throw new CliError(`${task2.id} is billed as part of ${root2.id} (${root2.title}); nothing was changed: set the minutes there with tasktrail bill ${root2.id} --minutes ${minutes}`);
      }
      if (minutes !== void 0) store2.updateContext(task2.id, { billable_minutes: minutes, billable: null }, "cli");
      if (values["no-bill"]) store2.updateContext(task2.id, { billable: false }, "cli");
      if (values.auto) store2.updateContext(task2.id, { billable_minutes: null, billable: null }, "cli");
      if (changes > 0) settleWorkItem(store2, root2.id);
      return { task: store2.getTask(task2.id), root: store2.getTask(root2.id) };
    });
    const billing2 = billingOf(store2, result.root);
    const item = store2.workItem(result.root.id) ?? null;
    if (values.json) {
      printJson(invocation.output, {
        task_id: result.task.id,
        billed_with: result.root.id === result.task.id ? null : result.root.id,
        billable: result.task.task_context.billable !== false,
        measured_minutes: msToMinutes(billing2.measured_ms),
        rounding: billing2.rule,
        rounded_minutes: billing2.rounded_minutes,
        override_minutes: billing2.override_minutes,
        work_item: item
      });
      return;
    }
    const out = invocation.output;
    const { task, root } = result;
    if (task.task_context.billable === false) out.out(`${task.id} is not billable${root.id === task.id ? "" : `; its time is left out of ${root.id}`}`);
    if (root.id !== task.id) out.out(`${task.id} is billed as part of ${root.id} (${root.title})`);
    out.out(`${root.id} ${root.client}: measured ${formatMinutes(msToMinutes(billing2.measured_ms))}, ${describeRule(billing2.rule)} \u2192 ${formatMinutes(billing2.rounded_minutes)}` + (billing2.override_minutes !== null ? `; overridden: ${formatMinutes(billing2.override_minutes)}` : ""));
    out.out(item ? `work item ${item.date}: ${formatMinutes(item.billable_minutes)}` : root.status === "completed" ? "no work item (not billable)" : `no work item yet: one is made when ${root.id} is completed`);
    out.out(`idle after ${idleMinutes(store2)} min without activity`);
  }
};
var bill_default = bill;

// src/cli/commands/report.ts
var import_node_fs14 = require("node:fs");
var import_node_path16 = require("node:path");

// src/report/data.ts
var REPORT_VERSION = 1;
var inRange = (date, filter) => (filter.since === null || date >= filter.since) && (filter.until === null || date <= filter.until);
function treeOf(task, index) {
  return [task, ...(index.get(task.id) ?? []).flatMap((child) => treeOf(child, index))];
}
function agentOf(task) {
  const runs = Array.isArray(task.task_context.assigned_agents) ? task.task_context.assigned_agents : [];
  const names = [...new Set([task.assigned_agent, ...runs.map((r) => r?.agent)].filter((n) => typeof n === "string" && n !== ""))];
  return names.length ? names.join(", ") : null;
}
var isoSpan = (i) => ({ start: new Date(i.start).toISOString(), end: new Date(i.end).toISOString() });
function buildReport(store2, filter) {
  const tasks = store2.listTasks({ ...filter.client ? { client: filter.client } : {}, ...filter.project ? { project: filter.project } : {} });
  const ids = new Set(tasks.map((t) => t.id));
  const index = /* @__PURE__ */ new Map();
  for (const task of tasks) {
    const parent = task.parent_task_id !== null && ids.has(task.parent_task_id) ? task.parent_task_id : null;
    index.set(parent, [...index.get(parent) ?? [], task]);
  }
  const times = taskTimes(store2, tasks);
  const ms = (list2) => list2.reduce((sum, t) => sum + (times.get(t.id)?.ms ?? 0), 0);
  const items = store2.workItems({ ...filter.client ? { client: filter.client } : {}, ...filter.since ? { since: filter.since } : {}, ...filter.until ? { until: filter.until } : {} }).filter((w) => filter.project === null || w.task_id !== null && ids.has(w.task_id));
  const days = [];
  for (const w of items) {
    let day2 = days[days.length - 1];
    if (day2?.date !== w.date) days.push(day2 = { date: w.date, minutes: 0, clients: [] });
    const client = w.client ?? "";
    let group = day2.clients.find((c) => c.client === client);
    if (!group) day2.clients.push(group = { client, minutes: 0, items: [] });
    group.items.push({ work_item_id: w.id, task_id: w.task_id, category: w.category, problem: w.problem, solution: w.solution, minutes: w.billable_minutes });
    group.minutes += w.billable_minutes;
    day2.minutes += w.billable_minutes;
  }
  const clientNames = [...new Set(items.map((w) => w.client ?? ""))].sort();
  const clients2 = clientNames.map((client) => {
    const own = items.filter((w) => (w.client ?? "") === client);
    return { client, work_items: own.length, minutes: own.reduce((sum, w) => sum + w.billable_minutes, 0), rounding: store2.roundingRule(client) };
  });
  const requests = (index.get(null) ?? []).filter((t) => t.status === "completed" ? t.completed_at !== null && inRange(localDate(t.completed_at), filter) : t.status === "in_progress" || t.status === "blocked").sort((a, b) => (a.completed_at ?? "~").localeCompare(b.completed_at ?? "~") || a.created_at.localeCompare(b.created_at));
  const summaries = requests.map((request) => {
    const tree = treeOf(request, index);
    const counted = tree.filter((t) => t.status !== "cancelled");
    return {
      task_id: request.id,
      title: request.title,
      request: request.task_context.user_request ?? null,
      client: request.client,
      project: request.project,
      status: request.status,
      completed_at: request.completed_at,
      tasks_completed: counted.filter((t) => t.status === "completed").length,
      tasks_total: counted.length,
      active_minutes: msToMinutes(ms(tree)),
      billable_minutes: store2.workItem(request.id)?.billable_minutes ?? null,
      files: [...new Set(tree.flatMap((t) => Array.isArray(t.task_context.files_modified) ? t.task_context.files_modified : []))].sort(),
      outcome: request.task_context.outcome ?? null
    };
  });
  const estimated = tasks.filter((t) => t.status === "completed" && t.estimated_complexity !== null && t.completed_at !== null && inRange(localDate(t.completed_at), filter));
  const groups = /* @__PURE__ */ new Map();
  for (const task of estimated) {
    const key = `${task.task_type}\0${task.estimated_complexity}`;
    const group = groups.get(key) ?? { task_type: task.task_type, estimated_complexity: task.estimated_complexity, minutes: [] };
    group.minutes.push(msToMinutes(ms(treeOf(task, index))));
    groups.set(key, group);
  }
  const ORDER = ["low", "medium", "high"];
  const estimates2 = [...groups.values()].sort((a, b) => (a.task_type ?? "").localeCompare(b.task_type ?? "") || ORDER.indexOf(a.estimated_complexity) - ORDER.indexOf(b.estimated_complexity)).map(({ task_type, estimated_complexity, minutes }) => ({
    task_type,
    estimated_complexity,
    tasks: minutes.length,
    average_minutes: Math.round(minutes.reduce((a, b) => a + b, 0) / minutes.length),
    min_minutes: Math.min(...minutes),
    max_minutes: Math.max(...minutes)
  }));
  return {
    version: REPORT_VERSION,
    generated_at: store2.now(),
    filter,
    timesheet: { days, clients: clients2, total_minutes: items.reduce((sum, w) => sum + w.billable_minutes, 0) },
    requests: summaries,
    estimates: estimates2,
    sessions: sessionTimelines(requests.flatMap((r) => treeOf(r, index)), times)
  };
}
function sessionTimelines(tasks, times) {
  const bySession = /* @__PURE__ */ new Map();
  for (const task of tasks) if (task.session_id) bySession.set(task.session_id, [...bySession.get(task.session_id) ?? [], task]);
  const sessions = [];
  for (const [session_id, members] of bySession) {
    const lanes = members.map((t) => ({ task: t, time: times.get(t.id) })).filter((l) => (l.time?.spans.length ?? 0) > 0);
    if (!lanes.length) continue;
    const spans = lanes.flatMap((l) => l.time.spans);
    sessions.push({
      session_id,
      start: new Date(Math.min(...spans.map((s) => s.start))).toISOString(),
      end: new Date(Math.max(...spans.map((s) => s.end))).toISOString(),
      lanes: lanes.map(({ task, time }) => ({
        task_id: task.id,
        title: task.title,
        agent: agentOf(task),
        active_minutes: msToMinutes(time.ms),
        spans: time.spans.map(isoSpan)
      }))
    });
  }
  return sessions.sort((a, b) => a.start.localeCompare(b.start));
}

// src/report/csv.ts
var CSV_COLUMNS = ["date", "client", "category", "problem", "solution", "minutes", "hours", "task_id"];
function csvField(value) {
  const text2 = value === null ? "" : String(value);
  return /[",\r\n]/.test(text2) ? `"${text2.replace(/"/g, '""')}"` : text2;
}
function renderCsv(report2) {
  const rows = [[...CSV_COLUMNS]];
  for (const day2 of report2.timesheet.days) {
    for (const group of day2.clients) {
      for (const item of group.items) {
        rows.push([day2.date, group.client, item.category, item.problem, item.solution, item.minutes, hours(item.minutes), item.task_id]);
      }
    }
  }
  return rows.map((row) => row.map(csvField).join(",") + "\r\n").join("");
}

// src/report/markdown.ts
function cell(value) {
  return value === null ? "" : String(value).replace(/\r?\n/g, " ").replace(/[\\|]/g, (c) => `\\${c}`);
}
function table(head, rows, numeric) {
  const rule = head.map((h) => numeric.includes(h) ? " ---: " : " --- ").join("|");
  return [`| ${head.join(" | ")} |`, `|${rule}|`, ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`)];
}
function periodOf(report2) {
  const { since, until } = report2.filter;
  if (since && until) return since === until ? since : `${since} to ${until}`;
  if (since) return `from ${since}`;
  if (until) return `up to ${until}`;
  return "all time";
}
function renderMarkdown(report2) {
  const { filter, timesheet: timesheet2 } = report2;
  const lines = ["# Work report", ""];
  const scope = [filter.client && `Client: ${filter.client}`, filter.project && `Project: ${filter.project}`, `Period: ${periodOf(report2)}`].filter(Boolean);
  lines.push(`${scope.join(" \xB7 ")} \xB7 Generated ${report2.generated_at.slice(0, 10)}`, "", "## Timesheet", "");
  if (timesheet2.days.length === 0) lines.push("No billable work in this period.", "");
  for (const day2 of timesheet2.days) {
    lines.push(`### ${day2.date}`, "");
    const rows = [];
    for (const group of day2.clients) {
      for (const item of group.items) rows.push([group.client, item.category, item.problem, item.solution, item.minutes, hours(item.minutes)]);
    }
    rows.push(["**Total**", "", "", "", `**${day2.minutes}**`, `**${hours(day2.minutes)}**`]);
    lines.push(...table(["Client", "Category", "Work", "Outcome", "Minutes", "Hours"], rows, ["Minutes", "Hours"]), "");
  }
  if (timesheet2.clients.length) {
    lines.push("### Totals by client", "");
    lines.push(...table(["Client", "Work items", "Minutes", "Hours", "Rounding"], [
      ...timesheet2.clients.map((c) => [c.client, c.work_items, c.minutes, hours(c.minutes), describeRule(c.rounding)]),
      ["**Total**", "", `**${timesheet2.total_minutes}**`, `**${hours(timesheet2.total_minutes)}**`, ""]
    ], ["Work items", "Minutes", "Hours"]), "");
  }
  lines.push("## Work summary", "");
  if (report2.requests.length === 0) lines.push("No requests completed or in progress in this period.", "");
  else {
    lines.push(...table(["Request", "Status", "Tasks", "Time", "Billed", "Files", "Outcome"], report2.requests.map((r) => [
      r.request && r.request !== r.title ? `${r.title} \u2014 ${r.request}` : r.title,
      r.status.replace("_", " "),
      `${r.tasks_completed}/${r.tasks_total}`,
      formatMinutes(r.active_minutes),
      r.billable_minutes === null ? "" : formatMinutes(r.billable_minutes),
      r.files.join(", "),
      r.outcome
    ]), ["Tasks", "Time", "Billed"]), "");
  }
  if (report2.estimates.length) {
    lines.push("## Estimate versus actual", "");
    lines.push(...table(["Type", "Estimate", "Tasks", "Average", "Range"], report2.estimates.map((e) => [
      e.task_type ?? "untyped",
      e.estimated_complexity,
      e.tasks,
      formatMinutes(e.average_minutes),
      `${formatMinutes(e.min_minutes)} \u2013 ${formatMinutes(e.max_minutes)}`
    ]), ["Tasks", "Average"]), "");
  }
  return lines.join("\n");
}

// src/report/html.ts
function escapeHtml(value) {
  return value === null ? "" : String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
function localTime(iso) {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
}
var STYLE = `
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;margin:0 auto;max-width:1100px;padding:32px 40px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 10px;border-bottom:2px solid #1d2330;padding-bottom:4px}
h3{font-size:15px;margin:20px 0 6px}
.meta{color:#5b6475;margin:0}
.totals{display:flex;gap:16px;margin:20px 0 0}
.total{border:1px solid #c9cfdb;border-radius:6px;padding:10px 16px;min-width:170px}
.total b{display:block;font-size:22px}.total span{color:#5b6475}
table{border-collapse:collapse;width:100%;margin:4px 0 8px}
th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid #dde1e8}
th{background:#f1f3f7;font-weight:600;font-size:12px;text-transform:uppercase;letter-spacing:.03em;color:#3b4252}
td.n,th.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
tr.sum td{font-weight:700;border-top:2px solid #1d2330;border-bottom:none}
.files{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;color:#3b4252}
.session{margin:14px 0 22px;break-inside:avoid}
.axis{display:flex;justify-content:space-between;color:#5b6475;font-size:12px;margin-left:34%}
.lane{display:flex;align-items:center;margin:3px 0}
.label{width:34%;padding-right:10px;font-size:13px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.label small{color:#5b6475}
.track{position:relative;flex:1;height:16px;background:#f1f3f7;border-radius:3px}
.bar{position:absolute;top:0;bottom:0;background:#2f6fde;border-radius:3px;min-width:2px;print-color-adjust:exact;-webkit-print-color-adjust:exact}
.bar.agent{background:#d9822b}
.legend{font-size:12px;color:#5b6475}.legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin:0 4px 0 10px;vertical-align:-1px}
.empty{color:#5b6475;font-style:italic}
@page{size:A4;margin:14mm}
@media print{body{padding:0;max-width:none;font-size:11px}h2{break-after:avoid}tr,.total{break-inside:avoid}thead{display:table-header-group}.totals{gap:8px}}
`;
function timesheet(report2) {
  const { days, clients: clients2, total_minutes } = report2.timesheet;
  if (days.length === 0) return '<p class="empty">No billable work in this period.</p>';
  const parts = [];
  for (const day2 of days) {
    const rows = day2.clients.flatMap((group) => group.items.map((item) => `<tr><td>${escapeHtml(group.client)}</td><td>${escapeHtml(item.category)}</td><td>${escapeHtml(item.problem)}</td><td>${escapeHtml(item.solution)}</td><td class="n">${item.minutes}</td><td class="n">${hours(item.minutes)}</td></tr>`));
    parts.push(`<h3>${escapeHtml(day2.date)}</h3><table><thead><tr><th>Client</th><th>Category</th><th>Work</th><th>Outcome</th><th class="n">Minutes</th><th class="n">Hours</th></tr></thead><tbody>${rows.join("")}<tr class="sum"><td colspan="4">Total ${escapeHtml(day2.date)}</td><td class="n">${day2.minutes}</td><td class="n">${hours(day2.minutes)}</td></tr></tbody></table>`);
  }
  const byClient = clients2.map((c) => `<tr><td>${escapeHtml(c.client)}</td><td class="n">${c.work_items}</td><td class="n">${c.minutes}</td><td class="n">${hours(c.minutes)}</td><td>${escapeHtml(describeRule(c.rounding))}</td></tr>`);
  parts.push(`<h3>Totals by client</h3><table><thead><tr><th>Client</th><th class="n">Work items</th><th class="n">Minutes</th><th class="n">Hours</th><th>Rounding</th></tr></thead><tbody>${byClient.join("")}<tr class="sum"><td>Total</td><td></td><td class="n">${total_minutes}</td><td class="n">${hours(total_minutes)}</td><td></td></tr></tbody></table>`);
  return parts.join("\n");
}
function workSummary(report2) {
  if (report2.requests.length === 0) return '<p class="empty">No requests completed or in progress in this period.</p>';
  const rows = report2.requests.map((r) => `<tr><td><b>${escapeHtml(r.title)}</b>${r.request && r.request !== r.title ? `<br>${escapeHtml(r.request)}` : ""}</td><td>${escapeHtml(r.status.replace("_", " "))}</td><td class="n">${r.tasks_completed}/${r.tasks_total}</td><td class="n">${escapeHtml(formatMinutes(r.active_minutes))}</td><td class="n">${r.billable_minutes === null ? "" : escapeHtml(formatMinutes(r.billable_minutes))}</td><td>${escapeHtml(r.outcome)}${r.files.length ? `<div class="files">${r.files.map(escapeHtml).join("<br>")}</div>` : ""}</td></tr>`);
  return `<table><thead><tr><th>Request</th><th>Status</th><th class="n">Tasks</th><th class="n">Time</th><th class="n">Billed</th><th>Outcome and files</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}
function estimates(report2) {
  if (report2.estimates.length === 0) return "";
  const rows = report2.estimates.map((e) => `<tr><td>${escapeHtml(e.task_type ?? "untyped")}</td><td>${escapeHtml(e.estimated_complexity)}</td><td class="n">${e.tasks}</td><td class="n">${escapeHtml(formatMinutes(e.average_minutes))}</td><td class="n">${escapeHtml(formatMinutes(e.min_minutes))} \u2013 ${escapeHtml(formatMinutes(e.max_minutes))}</td></tr>`);
  return `<h2>Estimate versus actual</h2><table><thead><tr><th>Type</th><th>Estimate</th><th class="n">Tasks</th><th class="n">Average</th><th class="n">Range</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}
function timeline(report2) {
  if (report2.sessions.length === 0) return '<p class="empty">No session activity recorded for this work.</p>';
  const parts = ['<p class="legend">Bars show when each task was being worked on:<i style="background:#2f6fde"></i>task<i style="background:#d9822b"></i>task run by an agent</p>'];
  for (const session of report2.sessions) {
    const from = Date.parse(session.start);
    const length = Math.max(Date.parse(session.end) - from, 1);
    const lanes = session.lanes.map((lane) => {
      const bars = lane.spans.map((s) => {
        const left = (Date.parse(s.start) - from) / length * 100;
        const width = (Date.parse(s.end) - Date.parse(s.start)) / length * 100;
        return `<span class="bar${lane.agent ? " agent" : ""}" style="left:${left.toFixed(2)}%;width:${width.toFixed(2)}%" title="${escapeHtml(`${localTime(s.start)}\u2013${localTime(s.end)}`)}"></span>`;
      });
      return `<div class="lane"><div class="label" title="${escapeHtml(lane.title)}">${escapeHtml(lane.title)} <small>${escapeHtml([lane.agent, formatMinutes(lane.active_minutes)].filter(Boolean).join(" \xB7 "))}</small></div><div class="track">${bars.join("")}</div></div>`;
    });
    parts.push(`<div class="session"><h3>Session ${escapeHtml(session.session_id.slice(0, 8))} \xB7 ${escapeHtml(session.start.slice(0, 10))} ${escapeHtml(localTime(session.start))}\u2013${escapeHtml(localTime(session.end))}</h3><div class="axis"><span>${escapeHtml(localTime(session.start))}</span><span>${escapeHtml(localTime(session.end))}</span></div>${lanes.join("")}</div>`);
  }
  return parts.join("\n");
}
function renderHtml(report2) {
  const { filter, timesheet: sheet } = report2;
  const title = ["Work report", filter.client, filter.project].filter(Boolean).join(" \xB7 ");
  const scope = [filter.client && `Client: ${filter.client}`, filter.project && `Project: ${filter.project}`, `Period: ${periodOf(report2)}`, `Generated ${report2.generated_at.slice(0, 10)}`].filter(Boolean);
  const completed = report2.requests.filter((r) => r.status === "completed").length;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${scope.map(escapeHtml).join(" \xB7 ")}</p>
<div class="totals"><div class="total"><span>Billable</span><b>${escapeHtml(formatMinutes(sheet.total_minutes))}</b><span>${hours(sheet.total_minutes)} h in ${sheet.days.reduce((n, d) => n + d.clients.reduce((m, c) => m + c.items.length, 0), 0)} work items</span></div>
<div class="total"><span>Requests completed</span><b>${completed}</b><span>${report2.requests.length - completed} still open</span></div></div>
<h2>Timesheet</h2>
${timesheet(report2)}
<h2>Work summary</h2>
${workSummary(report2)}
${estimates(report2)}
<h2>Timeline</h2>
${timeline(report2)}
</body></html>
`;
}

// src/cli/commands/report.ts
var RENDERERS = {
  md: renderMarkdown,
  csv: renderCsv,
  json: (report2) => JSON.stringify(report2, null, 2) + "\n",
  html: renderHtml
};
function day(values, name) {
  const value = values[name];
  if (value === void 0) return null;
  const valid = typeof value === "string" && /^\d{4}-\d\d-\d\d$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
  if (!valid) throw usageError(`--${name} takes a day as YYYY-MM-DD, not "${String(value)}"`);
  return value;
}
var report = {
  usage: "report [--client C] [--project P] [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--format md|csv|json|html] [--output FILE]",
  summary: "print a timesheet, work summary and estimate-versus-actual report (billing data stays in your store)",
  positionals: [0, 0],
  options: {
    client: { type: "string" },
    project: { type: "string" },
    since: { type: "string" },
    until: { type: "string" },
    format: { type: "string" },
    output: { type: "string", short: "o" }
  },
  run(invocation) {
    const { values } = invocation;
    const format = text(values, "format") ?? "md";
    const render2 = RENDERERS[format];
    if (!render2) throw usageError(`--format takes ${Object.keys(RENDERERS).join(", ")}, not "${format}"`);
    const since = day(values, "since");
    const until = day(values, "until");
    if (since && until && since > until) throw usageError(`--since ${since} is after --until ${until}`);
    const { store: store2 } = openContext(invocation);
    const client = text(values, "client") ?? null;
    const project = text(values, "project") ?? null;
    if (client !== null && !store2.clientNames().some((n) => n.toLowerCase() === client.toLowerCase())) {
      throw new CliError(`no client is named "${client}"; tasktrail clients lists them`);
    }
    if (project !== null && !store2.projectNames().some((n) => n.toLowerCase() === project.toLowerCase())) {
      throw new CliError(`no project is named "${project}"; tasktrail projects lists them`);
    }
    const rendered = render2(buildReport(store2, { client, project, since, until }));
    const output = text(values, "output");
    if (output === void 0) {
      invocation.output.out(rendered);
      return;
    }
    const path = (0, import_node_path16.resolve)(invocation.cwd, output);
    try {
      (0, import_node_fs14.writeFileSync)(path, rendered);
    } catch (error) {
      throw new CliError(`could not write ${path}: ${error.code ?? error.message}; nothing was written`);
    }
    invocation.output.out(`wrote ${path}`);
  }
};
var report_default = report;

// src/cli/commands/install-runtime.ts
var import_node_fs15 = require("node:fs");
var import_node_path17 = require("node:path");
function addonLoads() {
  try {
    openDatabase(":memory:").close();
    return true;
  } catch {
    return false;
  }
}
var installRuntime = {
  usage: "install-runtime",
  summary: "install the SQLite module an installed plugin needs (its first session does this in the background)",
  positionals: [0, 0],
  options: {},
  async run(invocation) {
    const { env, output } = invocation;
    if (addonLoads()) {
      output.out(`better-sqlite3 ${BETTER_SQLITE3_VERSION} is already installed; nothing to do`);
    } else {
      const lock = lockPath(env);
      if (!takeLock(lock)) throw new CliError(`another install is running (process ${lockHolder(lock)}); its output is in ${installLogPath(env)}`);
      try {
        const started = Date.now();
        output.out(`installing better-sqlite3 ${BETTER_SQLITE3_VERSION} with npm`);
        const addon = installAddon(env);
        output.out(`installed ${addon} in ${((Date.now() - started) / 1e3).toFixed(1)} s`);
      } catch (error) {
        throw new CliError(`${error.message}; nothing was installed, and events stay spooled until a later install succeeds`);
      } finally {
        (0, import_node_fs15.rmSync)(lock, { force: true });
      }
    }
    const applied = await applySpool(env, invocation.globals.dir ? (0, import_node_path17.resolve)(invocation.cwd, invocation.globals.dir) : invocation.cwd);
    if (applied > 0) output.out(`recorded ${applied} spooled event${applied === 1 ? "" : "s"}`);
  }
};
var install_runtime_default = installRuntime;

// src/cli/commands/watch.ts
var watchCommand = {
  usage: "watch",
  summary: "sync TASKS.md with the store on every save, until Ctrl-C",
  positionals: [0, 0],
  options: {},
  async run(invocation) {
    const context = openContext(invocation);
    const { watchProject } = await Promise.resolve().then(() => __toESM(require("./sync-watch.js"), 1));
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once("SIGINT", onSignal).once("SIGTERM", onSignal);
    const time = () => (/* @__PURE__ */ new Date()).toTimeString().slice(0, 8);
    await watchProject(context.store, context.project, context.repo, {
      signal: stop.signal,
      describe: describeReport,
      log: (line) => invocation.output.out(`${time()} ${line}`),
      onReady: () => invocation.output.err(`watching ${context.project.root}/TASKS.md; Ctrl-C stops`)
    });
    context.store.close();
    invocation.output.err("stopped");
  }
};
var watch_default = watchCommand;

// src/cli/commands/merge-driver.ts
var mergeDriver = {
  usage: "merge-driver ANCESTOR OURS THEIRS [PATH]",
  summary: "git merge driver: merge two versions of TASKS.md by task id (see docs/SYNC.md)",
  positionals: [3, 4],
  options: {},
  async run(invocation) {
    const [ancestor, ours, theirs, shown = "TASKS.md"] = invocation.positionals;
    const [{ runMergeDriver }, parser] = await Promise.all([Promise.resolve().then(() => __toESM(require("./sync-git-merge.js"), 1)), loadParser()]);
    const result = runMergeDriver(parser, ancestor, ours, theirs);
    if (result.merged === null) {
      invocation.output.err(`tasktrail: ${shown} was not merged by task id (${result.refused}); resolve it as a git conflict`);
      return 1;
    }
    for (const c of result.conflicts) invocation.output.err(`tasktrail: ${shown}: ${c.taskId} ${c.field}: ${c.rule}`);
    return 0;
  }
};
var merge_driver_default = mergeDriver;

// src/cli/commands/init.ts
var import_node_child_process3 = require("node:child_process");
var import_node_fs18 = require("node:fs");
var import_node_path20 = require("node:path");

// src/install/package-files.ts
var import_node_fs16 = require("node:fs");
var import_node_path18 = require("node:path");
function packageFile(relative3) {
  for (let dir = __dirname; ; dir = (0, import_node_path18.dirname)(dir)) {
    const file = (0, import_node_path18.join)(dir, relative3);
    if ((0, import_node_fs16.existsSync)(file)) return (0, import_node_fs16.readFileSync)(file, "utf8");
    if ((0, import_node_path18.dirname)(dir) === dir) throw new Error(`${relative3} is missing from the tasktrail package; reinstall tasktrail`);
  }
}

// src/install/settings.ts
var import_node_fs17 = require("node:fs");
var import_node_os2 = require("node:os");
var import_node_path19 = require("node:path");
var SettingsError = class extends Error {
  name = "SettingsError";
};
function readSettings(file) {
  if (!(0, import_node_fs17.existsSync)(file)) return {};
  let value;
  try {
    value = JSON.parse((0, import_node_fs17.readFileSync)(file, "utf8"));
  } catch (error) {
    throw new SettingsError(`${file} is not valid JSON (${error.message}); it was left unchanged: fix it, then run this again`);
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    throw new SettingsError(`${file} does not hold a JSON object; it was left unchanged: fix it, then run this again`);
  }
  return value;
}
function writeSettings(file, settings) {
  (0, import_node_fs17.mkdirSync)((0, import_node_path19.dirname)(file), { recursive: true });
  (0, import_node_fs17.writeFileSync)(file, JSON.stringify(settings, null, 2) + "\n");
}
function settingsFiles(root, env) {
  const config = env.CLAUDE_CONFIG_DIR || (0, import_node_path19.join)((0, import_node_os2.homedir)(), ".claude");
  return { user: (0, import_node_path19.join)(config, "settings.json"), project: (0, import_node_path19.join)(root, ".claude", "settings.json"), local: (0, import_node_path19.join)(root, ".claude", "settings.local.json") };
}
var isTasktrailHook = (handler) => typeof handler.command === "string" && /tasktrail(\.js)?["']? hook\b/.test(handler.command);
function hookTable(settings) {
  const hooks2 = settings.hooks;
  return hooks2 && typeof hooks2 === "object" && !Array.isArray(hooks2) ? hooks2 : {};
}
function hasTasktrailHooks(settings) {
  return Object.values(hookTable(settings)).some((groups) => Array.isArray(groups) && groups.some((group) => group?.hooks?.some(isTasktrailHook)));
}
function enablesPlugin(settings) {
  const enabled = settings.enabledPlugins;
  if (!enabled || typeof enabled !== "object") return false;
  return Object.entries(enabled).some(([id, on]) => id.split("@")[0] === "tasktrail" && on === true);
}
function registrations(root, env) {
  const found = { plugin: [], hooks: [] };
  for (const file of Object.values(settingsFiles(root, env))) {
    let settings;
    try {
      settings = readSettings(file);
    } catch {
      continue;
    }
    if (enablesPlugin(settings)) found.plugin.push(file);
    if (hasTasktrailHooks(settings)) found.hooks.push(file);
  }
  return found;
}
function hooksRunning(cli) {
  const { hooks: hooks2 } = JSON.parse(packageFile((0, import_node_path19.join)("hooks", "hooks.json")));
  for (const groups of Object.values(hooks2)) {
    for (const handler of groups.flatMap((group) => group.hooks)) {
      handler.command = handler.command?.replace('"${CLAUDE_PLUGIN_ROOT}/bin/tasktrail.js"', JSON.stringify(cli));
    }
  }
  return hooks2;
}
function mergeHooks(settings, hooks2) {
  if (hasTasktrailHooks(settings)) return false;
  const table2 = hookTable(settings);
  for (const [event, groups] of Object.entries(hooks2)) table2[event] = [...Array.isArray(table2[event]) ? table2[event] : [], ...groups];
  settings.hooks = table2;
  return true;
}

// src/cli/commands/init.ts
var TODO_TOOLS_VARIABLE = "CLAUDE_CODE_ENABLE_TODO_TOOLS";
var SECTION = /<!-- tasktrail:begin[^>]*-->[\s\S]*?<!-- tasktrail:end -->\n?/;
function createTasksFile(root, report2) {
  const file = (0, import_node_path20.join)(root, "TASKS.md");
  if ((0, import_node_fs18.existsSync)(file)) return void report2.push("TASKS.md: exists, left as it is");
  (0, import_node_fs18.writeFileSync)(file, packageFile((0, import_node_path20.join)("templates", "TASKS.md")), { flag: "wx" });
  report2.push("TASKS.md: created; the hooks add tasks to it as Claude works");
}
function ignoreStoreFiles(root, env, dbFlag, report2) {
  const db = storePath(env, dbFlag);
  const inside = [db, `${db}-wal`, `${db}-shm`, tasktrailHome(env)].map((path) => (0, import_node_path20.relative)(root, path)).filter((path) => path !== "" && !path.startsWith("..") && !(0, import_node_path20.isAbsolute)(path));
  const covering = inside.filter((path, _, all) => !all.some((other) => path.startsWith(other + import_node_path20.sep)));
  const unignored = covering.filter((path) => (0, import_node_child_process3.spawnSync)("git", ["check-ignore", "-q", "--no-index", path], { cwd: root }).status !== 0);
  if (unignored.length === 0) return;
  const file = (0, import_node_path20.join)(root, ".gitignore");
  const current = (0, import_node_fs18.existsSync)(file) ? (0, import_node_fs18.readFileSync)(file, "utf8") : "";
  const lines = unignored.map((path) => "/" + path.split("\\").join("/"));
  (0, import_node_fs18.writeFileSync)(file, current + (current === "" || current.endsWith("\n") ? "" : "\n") + "# tasktrail store (per user, not committed)\n" + lines.join("\n") + "\n");
  report2.push(`.gitignore: added ${lines.join(", ")} (the store lives in this work tree)`);
}
async function mergeDriver2(root, cli, report2) {
  const { installMergeDriver } = await Promise.resolve().then(() => __toESM(require("./sync-git-merge.js"), 1));
  const before = (0, import_node_fs18.existsSync)((0, import_node_path20.join)(root, ".gitattributes")) ? (0, import_node_fs18.readFileSync)((0, import_node_path20.join)(root, ".gitattributes"), "utf8") : null;
  const configured = (0, import_node_child_process3.spawnSync)("git", ["config", "merge.tasktrail.driver"], { cwd: root, encoding: "utf8" }).stdout.trim();
  installMergeDriver(root, `node ${JSON.stringify(cli)}`);
  const after = (0, import_node_fs18.readFileSync)((0, import_node_path20.join)(root, ".gitattributes"), "utf8");
  const changed = before !== after || configured !== `node ${JSON.stringify(cli)} merge-driver %O %A %B %P`;
  report2.push(`git merge driver: ${changed ? "installed (git config merge.tasktrail, TASKS.md in .gitattributes)" : "already installed"}`);
}
function claudeFile(root) {
  const nested = (0, import_node_path20.join)(".claude", "CLAUDE.md");
  return !(0, import_node_fs18.existsSync)((0, import_node_path20.join)(root, "CLAUDE.md")) && (0, import_node_fs18.existsSync)((0, import_node_path20.join)(root, nested)) ? nested : "CLAUDE.md";
}
function claudeSection(root, report2) {
  const name = claudeFile(root);
  const file = (0, import_node_path20.join)(root, name);
  const section = packageFile((0, import_node_path20.join)("templates", "CLAUDE.md"));
  const current = (0, import_node_fs18.existsSync)(file) ? (0, import_node_fs18.readFileSync)(file, "utf8") : "";
  const next = SECTION.test(current) ? current.replace(SECTION, section) : current + (current === "" ? "" : current.endsWith("\n") ? "\n" : "\n\n") + section;
  if (next === current) return void report2.push(`${name}: tasktrail section up to date`);
  (0, import_node_fs18.writeFileSync)(file, next);
  report2.push(`${name}: tasktrail section ${current.includes("<!-- tasktrail:begin") ? "updated" : "added"} (it tells Claude that people edit TASKS.md too)`);
}
function settingsHooks(root, env, cli, settings, report2) {
  const found = registrations(root, env);
  if (found.plugin.length > 0) {
    throw new CliError(
      `the tasktrail plugin is enabled (${found.plugin.join(", ")}), so its hooks already run; hooks in .claude/settings.json as well would record every event twice. Nothing was written: drop --settings, or disable the plugin first`
    );
  }
  const added = mergeHooks(settings, hooksRunning(cli));
  report2.push(`.claude/settings.json: ${added ? `tasktrail's hooks added, running ${cli}` : "tasktrail's hooks already there"}`);
  return added;
}
function todoTools(settings, enable, report2) {
  const env = settings.env && typeof settings.env === "object" && !Array.isArray(settings.env) ? settings.env : {};
  if (env[TODO_TOOLS_VARIABLE] === "1") {
    report2.push(`.claude/settings.json: ${TODO_TOOLS_VARIABLE}=1 already set`);
    return false;
  }
  if (!enable) {
    report2.push(
      `Note: newer Claude Code versions (2.1.332 was checked) hide their task tools unless ${TODO_TOOLS_VARIABLE}=1; tasktrail then records only requests, agents and files, not Claude's plan. Run tasktrail init --enable-todo-tools to set it in .claude/settings.json.`
    );
    return false;
  }
  settings.env = { ...env, [TODO_TOOLS_VARIABLE]: "1" };
  report2.push(`.claude/settings.json: ${TODO_TOOLS_VARIABLE}=1 set, so Claude plans with task tools that tasktrail records`);
  return true;
}
function link2(invocation, wanted, report2) {
  const context = openContext(invocation);
  try {
    const repo = context.store.transaction(() => linkRepo(context.store, context.repo, wanted));
    report2.push(`link: ${repo.client ? `client ${repo.client}` : `project ${repo.project}`} (kept in your store)`);
  } catch (error) {
    throw usageError(`${error.message}; the link was left as it was`);
  } finally {
    context.store.close();
  }
}
var init = {
  usage: "init [--client NAME | --project NAME] [--settings] [--enable-todo-tools]",
  summary: "set the current repository up: TASKS.md, merge driver, CLAUDE.md section (--settings: hooks without the plugin)",
  positionals: [0, 0],
  options: { client: { type: "string" }, project: { type: "string" }, settings: { type: "boolean" }, "enable-todo-tools": { type: "boolean" } },
  async run(invocation) {
    const { values, env, output } = invocation;
    const client = text(values, "client");
    const project = text(values, "project");
    if (client !== void 0 && project !== void 0) throw usageError("give --client or --project, not both");
    const start2 = invocation.globals.dir ? (0, import_node_path20.resolve)(invocation.cwd, invocation.globals.dir) : invocation.cwd;
    const location = locateProject(start2, tasktrailHome(env));
    if (location.kind !== "git") throw new CliError(`${start2} is not in a git repository; nothing was changed: run git init there first, or run tasktrail init in a repository`);
    const root = location.root;
    const cli = (0, import_node_path20.resolve)(process.argv[1]);
    const report2 = [];
    const settingsFile = settingsFiles(root, env).project;
    let settings;
    try {
      settings = readSettings(settingsFile);
    } catch (error) {
      if (error instanceof SettingsError) throw new CliError(error.message);
      throw error;
    }
    const hooksAdded = values.settings === true && settingsHooks(root, env, cli, settings, report2);
    createTasksFile(root, report2);
    ignoreStoreFiles(root, env, invocation.globals.db, report2);
    await mergeDriver2(root, cli, report2);
    claudeSection(root, report2);
    if (client !== void 0) link2(invocation, { client, project: null }, report2);
    if (project !== void 0) link2(invocation, { client: null, project }, report2);
    const todoSet = todoTools(settings, values["enable-todo-tools"] === true, report2);
    if (hooksAdded || todoSet) writeSettings(settingsFile, settings);
    output.out([`tasktrail init in ${root}`, ...report2.map((line) => line.startsWith("Note:") ? line : `  ${line}`)].join("\n"));
  }
};
var init_default = init;

// src/cli/commands/doctor.ts
var import_node_child_process4 = require("node:child_process");
var import_node_fs19 = require("node:fs");
var import_node_path21 = require("node:path");
function nodeVersion() {
  const major = Number(process.versions.node.split(".")[0]);
  return major >= 20 ? { name: "node", ok: true, detail: `Node.js ${process.versions.node}` } : { name: "node", ok: false, detail: `Node.js ${process.versions.node} is too old`, fix: "install Node.js 20 or later" };
}
function sqlite() {
  try {
    openDatabase(":memory:").close();
    return { name: "sqlite", ok: true, detail: "better-sqlite3 loads" };
  } catch (error) {
    return {
      name: "sqlite",
      ok: false,
      detail: `better-sqlite3 does not load: ${error.message}`,
      fix: "run tasktrail install-runtime (an installed plugin does this at the start of its first session)"
    };
  }
}
function store(path) {
  try {
    const db = openDatabase(path);
    try {
      db.prepare("BEGIN IMMEDIATE").run();
      db.prepare("ROLLBACK").run();
      const version = db.pragma("user_version", { simple: true });
      return { name: "store", ok: version === SCHEMA_VERSION, detail: `${path} is writable, schema version ${version}` };
    } finally {
      db.close();
    }
  } catch (error) {
    return { name: "store", ok: false, detail: `the store ${path} cannot be used: ${error.message}`, fix: "make its directory writable, or point TASKTRAIL_HOME elsewhere" };
  }
}
async function tasksFile(project) {
  const file = (0, import_node_path21.join)(project.root, "TASKS.md");
  if (!(0, import_node_fs19.existsSync)(file)) return { name: "tasks-file", ok: false, detail: `${file} does not exist`, fix: "run tasktrail init" };
  try {
    const { parse } = await Promise.resolve().then(() => __toESM(require("./markdown-parse.js"), 1));
    const tasks = parse((0, import_node_fs19.readFileSync)(file, "utf8")).tasks.length;
    return { name: "tasks-file", ok: true, detail: `${file} parses: ${tasks} task${tasks === 1 ? "" : "s"}` };
  } catch (error) {
    return { name: "tasks-file", ok: false, detail: `${file} cannot be read as tasks: ${error.message}`, fix: "fix that line by hand; tasktrail leaves the file alone until then" };
  }
}
function hooks(root, env) {
  const found = registrations(root, env);
  if (found.plugin.length > 0 && found.hooks.length > 0) {
    return {
      name: "hooks",
      ok: false,
      detail: `the plugin is enabled (${found.plugin.join(", ")}) and hooks are also in ${found.hooks.join(", ")}: every event is recorded twice`,
      fix: `remove tasktrail's hooks from ${found.hooks.join(", ")}`
    };
  }
  if (found.plugin.length > 0) return { name: "hooks", ok: true, detail: `the tasktrail plugin is enabled in ${found.plugin.join(", ")}` };
  if (found.hooks.length > 0) return { name: "hooks", ok: true, detail: `tasktrail's hooks are in ${found.hooks.join(", ")}` };
  return {
    name: "hooks",
    ok: false,
    detail: "no tasktrail hooks are registered for this project",
    fix: "install the plugin (claude plugin install tasktrail@tasktrail), or run tasktrail init --settings"
  };
}
function sessionEnv(root, env) {
  const merged = { ...env };
  for (const file of Object.values(settingsFiles(root, env))) {
    try {
      const values = readSettings(file).env;
      if (values && typeof values === "object") for (const [key, value] of Object.entries(values)) merged[key] = String(value);
    } catch {
    }
  }
  return merged;
}
var compare = (a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
function claudeCode(root, env) {
  const run = (0, import_node_child_process4.spawnSync)("claude", ["--version"], { encoding: "utf8", env, timeout: 1e4 });
  const match = /(\d+)\.(\d+)\.(\d+)/.exec(run.stdout ?? "");
  if (run.error || !match) return { name: "claude-code", ok: true, detail: 'claude is not on the PATH; the task tools depend on its version (see README, "Claude Code versions")' };
  const version = match.slice(1).map(Number);
  const named = `Claude Code ${match[0]}`;
  const session = sessionEnv(root, env);
  if (compare(version, [2, 1, 197]) <= 0) {
    return session.CLAUDE_CODE_ENABLE_TASKS === "0" ? { name: "claude-code", ok: true, detail: `${named} offers TodoWrite (CLAUDE_CODE_ENABLE_TASKS=0)` } : { name: "claude-code", ok: true, detail: `${named} offers TaskCreate, TaskUpdate, TaskList and TaskGet` };
  }
  if (compare(version, [2, 1, 332]) >= 0) {
    return session.CLAUDE_CODE_ENABLE_TODO_TOOLS === "1" ? { name: "claude-code", ok: true, detail: `${named} offers TaskCreate, TaskUpdate, TaskList and TaskGet (CLAUDE_CODE_ENABLE_TODO_TOOLS=1)` } : {
      name: "claude-code",
      ok: false,
      detail: `${named} offers no task tools, so tasktrail records only requests, agents and files`,
      fix: "run tasktrail init --enable-todo-tools (sets CLAUDE_CODE_ENABLE_TODO_TOOLS=1 in .claude/settings.json)"
    };
  }
  return { name: "claude-code", ok: true, detail: `${named}: its task tools were not verified (2.1.197 and 2.1.332 were); run tasktrail status after a session to see what was recorded` };
}
function mergeDriver3(root) {
  const driver = (0, import_node_child_process4.spawnSync)("git", ["config", "merge.tasktrail.driver"], { cwd: root, encoding: "utf8" }).stdout.trim();
  const attributes = (0, import_node_child_process4.spawnSync)("git", ["check-attr", "merge", "--", "TASKS.md"], { cwd: root, encoding: "utf8" }).stdout.trim();
  if (driver && attributes.endsWith(": tasktrail")) return { name: "merge-driver", ok: true, detail: `git merges TASKS.md with: ${driver}` };
  return {
    name: "merge-driver",
    ok: false,
    detail: driver ? "TASKS.md has no merge=tasktrail attribute" : "git config has no merge.tasktrail driver",
    fix: "run tasktrail init"
  };
}
async function checks(invocation) {
  const { env } = invocation;
  const start2 = invocation.globals.dir ? (0, import_node_path21.resolve)(invocation.cwd, invocation.globals.dir) : invocation.cwd;
  const project = locateProject(start2, tasktrailHome(env));
  const loaded = sqlite();
  const list2 = [nodeVersion(), loaded];
  if (loaded.ok) list2.push(store(storePath(env, invocation.globals.db)));
  if (project.kind !== "home") list2.push(await tasksFile(project), hooks(project.root, env));
  list2.push(claudeCode(project.root, env));
  if (project.kind === "git") list2.push(mergeDriver3(project.root));
  return list2;
}
var doctor = {
  usage: "doctor [--json]",
  summary: "check Node, SQLite, the store, TASKS.md, the hooks, Claude Code and the merge driver",
  positionals: [0, 0],
  options: { json: { type: "boolean" } },
  async run(invocation) {
    const list2 = await checks(invocation);
    const ok = list2.every((check) => check.ok);
    const output = invocation.output;
    if (invocation.values.json) printJson(output, { ok, checks: list2 });
    else {
      for (const check of list2) {
        output.out(`${check.ok ? paint(output, "green", "ok     ") : paint(output, "red", "PROBLEM")} ${check.name}: ${check.detail}`);
        if (check.fix) output.out(`        fix: ${check.fix}`);
      }
    }
    return ok ? 0 : 1;
  }
};
var doctor_default = doctor;

// src/cli/main.ts
var COMMANDS = {
  add: add_default,
  start,
  done,
  block,
  cancel,
  reopen,
  list: list_default,
  show: show_default,
  status: status_default,
  export: export_default,
  import: import_default,
  rollup: rollup_default,
  hook: hook_default,
  demo: demo_default,
  link: link_default,
  clients: clients_default,
  projects: projects_default,
  bill: bill_default,
  report: report_default,
  init: init_default,
  doctor: doctor_default,
  "install-runtime": install_runtime_default,
  sync: sync_default,
  watch: watch_default,
  "merge-driver": merge_driver_default
};
var VERSION = "0.1.0";
function help(output) {
  const lines = ["usage: tasktrail [-C DIR] [--db PATH] COMMAND [options]", "", "commands:"];
  for (const [name, command] of Object.entries(COMMANDS)) {
    lines.push(`  ${name.padEnd(8)} ${command.summary}`);
  }
  lines.push("", "tasktrail COMMAND --help shows the options of a command.");
  lines.push("The store is $TASKTRAIL_DB, else $TASKTRAIL_HOME/tasks.db (default ~/.local/share/tasktrail/tasks.db).");
  output.out(lines.join("\n"));
}
async function main(argv, output = terminalOutput(), env = process.env, cwd = process.cwd()) {
  const name = argv[0];
  if (name === void 0 || name === "help" || name === "--help" || name === "-h") {
    help(output);
    return name === void 0 ? 2 : 0;
  }
  if (name === "--version" || name === "-V") {
    output.out(VERSION);
    return 0;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new CliError(`unknown command "${name}"; run tasktrail help for the list`, 2);
    const parsed = parseInvocation(command, name, argv.slice(1));
    if (parsed.values.help) {
      output.out(`usage: tasktrail ${command.usage}
${command.summary}`);
      return 0;
    }
    const globals = { db: text(parsed.values, "db"), dir: text(parsed.values, "C") };
    const code = await command.run({ globals, values: parsed.values, positionals: parsed.positionals, output, env, cwd });
    return code ?? 0;
  } catch (error) {
    if (error instanceof CliError) {
      output.err(`tasktrail: ${error.message}`);
      for (const line of error.details) output.err(line);
      return error.exitCode;
    }
    if (error instanceof NewerStoreError) {
      output.err(`tasktrail: ${error.message}`);
      return 1;
    }
    if (String(error.code).startsWith("SQLITE_BUSY")) {
      output.err("tasktrail: the task store stayed locked by another tasktrail process for 5 s; nothing was changed. Run the command again.");
      return 1;
    }
    throw error;
  }
}
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`tasktrail: internal error: ${error?.stack ?? String(error)}
`);
    process.exitCode = 1;
  }
);
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  main
});
