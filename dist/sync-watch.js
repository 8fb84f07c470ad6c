var __import_meta_url = require('node:url').pathToFileURL(__filename).href;
"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
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

// src/sync/watch.ts
var watch_exports = {};
__export(watch_exports, {
  watchProject: () => watchProject
});
module.exports = __toCommonJS(watch_exports);
var import_node_path8 = require("node:path");

// node_modules/chokidar/esm/index.js
var import_fs2 = require("fs");
var import_promises3 = require("fs/promises");
var import_events = require("events");
var sysPath2 = __toESM(require("path"), 1);

// node_modules/readdirp/esm/index.js
var import_promises = require("node:fs/promises");
var import_node_stream = require("node:stream");
var import_node_path = require("node:path");
var EntryTypes = {
  FILE_TYPE: "files",
  DIR_TYPE: "directories",
  FILE_DIR_TYPE: "files_directories",
  EVERYTHING_TYPE: "all"
};
var defaultOptions = {
  root: ".",
  fileFilter: (_entryInfo) => true,
  directoryFilter: (_entryInfo) => true,
  type: EntryTypes.FILE_TYPE,
  lstat: false,
  depth: 2147483648,
  alwaysStat: false,
  highWaterMark: 4096
};
Object.freeze(defaultOptions);
var RECURSIVE_ERROR_CODE = "READDIRP_RECURSIVE_ERROR";
var NORMAL_FLOW_ERRORS = /* @__PURE__ */ new Set(["ENOENT", "EPERM", "EACCES", "ELOOP", RECURSIVE_ERROR_CODE]);
var ALL_TYPES = [
  EntryTypes.DIR_TYPE,
  EntryTypes.EVERYTHING_TYPE,
  EntryTypes.FILE_DIR_TYPE,
  EntryTypes.FILE_TYPE
];
var DIR_TYPES = /* @__PURE__ */ new Set([
  EntryTypes.DIR_TYPE,
  EntryTypes.EVERYTHING_TYPE,
  EntryTypes.FILE_DIR_TYPE
]);
var FILE_TYPES = /* @__PURE__ */ new Set([
  EntryTypes.EVERYTHING_TYPE,
  EntryTypes.FILE_DIR_TYPE,
  EntryTypes.FILE_TYPE
]);
var isNormalFlowError = (error) => NORMAL_FLOW_ERRORS.has(error.code);
var wantBigintFsStats = process.platform === "win32";
var emptyFn = (_entryInfo) => true;
var normalizeFilter = (filter) => {
  if (filter === void 0)
    return emptyFn;
  if (typeof filter === "function")
    return filter;
  if (typeof filter === "string") {
    const fl = filter.trim();
    return (entry) => entry.basename === fl;
  }
  if (Array.isArray(filter)) {
    const trItems = filter.map((item) => item.trim());
    return (entry) => trItems.some((f) => entry.basename === f);
  }
  return emptyFn;
};
var ReaddirpStream = class extends import_node_stream.Readable {
  constructor(options = {}) {
    super({
      objectMode: true,
      autoDestroy: true,
      highWaterMark: options.highWaterMark
    });
    const opts = { ...defaultOptions, ...options };
    const { root, type } = opts;
    this._fileFilter = normalizeFilter(opts.fileFilter);
    this._directoryFilter = normalizeFilter(opts.directoryFilter);
    const statMethod = opts.lstat ? import_promises.lstat : import_promises.stat;
    if (wantBigintFsStats) {
      this._stat = (path) => statMethod(path, { bigint: true });
    } else {
      this._stat = statMethod;
    }
    this._maxDepth = opts.depth ?? defaultOptions.depth;
    this._wantsDir = type ? DIR_TYPES.has(type) : false;
    this._wantsFile = type ? FILE_TYPES.has(type) : false;
    this._wantsEverything = type === EntryTypes.EVERYTHING_TYPE;
    this._root = (0, import_node_path.resolve)(root);
    this._isDirent = !opts.alwaysStat;
    this._statsProp = this._isDirent ? "dirent" : "stats";
    this._rdOptions = { encoding: "utf8", withFileTypes: this._isDirent };
    this.parents = [this._exploreDir(root, 1)];
    this.reading = false;
    this.parent = void 0;
  }
  async _read(batch) {
    if (this.reading)
      return;
    this.reading = true;
    try {
      while (!this.destroyed && batch > 0) {
        const par = this.parent;
        const fil = par && par.files;
        if (fil && fil.length > 0) {
          const { path, depth } = par;
          const slice = fil.splice(0, batch).map((dirent) => this._formatEntry(dirent, path));
          const awaited = await Promise.all(slice);
          for (const entry of awaited) {
            if (!entry)
              continue;
            if (this.destroyed)
              return;
            const entryType = await this._getEntryType(entry);
            if (entryType === "directory" && this._directoryFilter(entry)) {
              if (depth <= this._maxDepth) {
                this.parents.push(this._exploreDir(entry.fullPath, depth + 1));
              }
              if (this._wantsDir) {
                this.push(entry);
                batch--;
              }
            } else if ((entryType === "file" || this._includeAsFile(entry)) && this._fileFilter(entry)) {
              if (this._wantsFile) {
                this.push(entry);
                batch--;
              }
            }
          }
        } else {
          const parent = this.parents.pop();
          if (!parent) {
            this.push(null);
            break;
          }
          this.parent = await parent;
          if (this.destroyed)
            return;
        }
      }
    } catch (error) {
      this.destroy(error);
    } finally {
      this.reading = false;
    }
  }
  async _exploreDir(path, depth) {
    let files;
    try {
      files = await (0, import_promises.readdir)(path, this._rdOptions);
    } catch (error) {
      this._onError(error);
    }
    return { files, depth, path };
  }
  async _formatEntry(dirent, path) {
    let entry;
    const basename5 = this._isDirent ? dirent.name : dirent;
    try {
      const fullPath = (0, import_node_path.resolve)((0, import_node_path.join)(path, basename5));
      entry = { path: (0, import_node_path.relative)(this._root, fullPath), fullPath, basename: basename5 };
      entry[this._statsProp] = this._isDirent ? dirent : await this._stat(fullPath);
    } catch (err) {
      this._onError(err);
      return;
    }
    return entry;
  }
  _onError(err) {
    if (isNormalFlowError(err) && !this.destroyed) {
      this.emit("warn", err);
    } else {
      this.destroy(err);
    }
  }
  async _getEntryType(entry) {
    if (!entry && this._statsProp in entry) {
      return "";
    }
    const stats = entry[this._statsProp];
    if (stats.isFile())
      return "file";
    if (stats.isDirectory())
      return "directory";
    if (stats && stats.isSymbolicLink()) {
      const full = entry.fullPath;
      try {
        const entryRealPath = await (0, import_promises.realpath)(full);
        const entryRealPathStats = await (0, import_promises.lstat)(entryRealPath);
        if (entryRealPathStats.isFile()) {
          return "file";
        }
        if (entryRealPathStats.isDirectory()) {
          const len = entryRealPath.length;
          if (full.startsWith(entryRealPath) && full.substr(len, 1) === import_node_path.sep) {
            const recursiveError = new Error(`Circular symlink detected: "${full}" points to "${entryRealPath}"`);
            recursiveError.code = RECURSIVE_ERROR_CODE;
            return this._onError(recursiveError);
          }
          return "directory";
        }
      } catch (error) {
        this._onError(error);
        return "";
      }
    }
  }
  _includeAsFile(entry) {
    const stats = entry && entry[this._statsProp];
    return stats && this._wantsEverything && !stats.isDirectory();
  }
};
function readdirp(root, options = {}) {
  let type = options.entryType || options.type;
  if (type === "both")
    type = EntryTypes.FILE_DIR_TYPE;
  if (type)
    options.type = type;
  if (!root) {
    throw new Error("readdirp: root argument is required. Usage: readdirp(root, options)");
  } else if (typeof root !== "string") {
    throw new TypeError("readdirp: root argument must be a string. Usage: readdirp(root, options)");
  } else if (type && !ALL_TYPES.includes(type)) {
    throw new Error(`readdirp: Invalid type passed. Use one of ${ALL_TYPES.join(", ")}`);
  }
  options.root = root;
  return new ReaddirpStream(options);
}

// node_modules/chokidar/esm/handler.js
var import_fs = require("fs");
var import_promises2 = require("fs/promises");
var sysPath = __toESM(require("path"), 1);
var import_os = require("os");
var STR_DATA = "data";
var STR_END = "end";
var STR_CLOSE = "close";
var EMPTY_FN = () => {
};
var pl = process.platform;
var isWindows = pl === "win32";
var isMacos = pl === "darwin";
var isLinux = pl === "linux";
var isFreeBSD = pl === "freebsd";
var isIBMi = (0, import_os.type)() === "OS400";
var EVENTS = {
  ALL: "all",
  READY: "ready",
  ADD: "add",
  CHANGE: "change",
  ADD_DIR: "addDir",
  UNLINK: "unlink",
  UNLINK_DIR: "unlinkDir",
  RAW: "raw",
  ERROR: "error"
};
var EV = EVENTS;
var THROTTLE_MODE_WATCH = "watch";
var statMethods = { lstat: import_promises2.lstat, stat: import_promises2.stat };
var KEY_LISTENERS = "listeners";
var KEY_ERR = "errHandlers";
var KEY_RAW = "rawEmitters";
var HANDLER_KEYS = [KEY_LISTENERS, KEY_ERR, KEY_RAW];
var binaryExtensions = /* @__PURE__ */ new Set([
  "3dm",
  "3ds",
  "3g2",
  "3gp",
  "7z",
  "a",
  "aac",
  "adp",
  "afdesign",
  "afphoto",
  "afpub",
  "ai",
  "aif",
  "aiff",
  "alz",
  "ape",
  "apk",
  "appimage",
  "ar",
  "arj",
  "asf",
  "au",
  "avi",
  "bak",
  "baml",
  "bh",
  "bin",
  "bk",
  "bmp",
  "btif",
  "bz2",
  "bzip2",
  "cab",
  "caf",
  "cgm",
  "class",
  "cmx",
  "cpio",
  "cr2",
  "cur",
  "dat",
  "dcm",
  "deb",
  "dex",
  "djvu",
  "dll",
  "dmg",
  "dng",
  "doc",
  "docm",
  "docx",
  "dot",
  "dotm",
  "dra",
  "DS_Store",
  "dsk",
  "dts",
  "dtshd",
  "dvb",
  "dwg",
  "dxf",
  "ecelp4800",
  "ecelp7470",
  "ecelp9600",
  "egg",
  "eol",
  "eot",
  "epub",
  "exe",
  "f4v",
  "fbs",
  "fh",
  "fla",
  "flac",
  "flatpak",
  "fli",
  "flv",
  "fpx",
  "fst",
  "fvt",
  "g3",
  "gh",
  "gif",
  "graffle",
  "gz",
  "gzip",
  "h261",
  "h263",
  "h264",
  "icns",
  "ico",
  "ief",
  "img",
  "ipa",
  "iso",
  "jar",
  "jpeg",
  "jpg",
  "jpgv",
  "jpm",
  "jxr",
  "key",
  "ktx",
  "lha",
  "lib",
  "lvp",
  "lz",
  "lzh",
  "lzma",
  "lzo",
  "m3u",
  "m4a",
  "m4v",
  "mar",
  "mdi",
  "mht",
  "mid",
  "midi",
  "mj2",
  "mka",
  "mkv",
  "mmr",
  "mng",
  "mobi",
  "mov",
  "movie",
  "mp3",
  "mp4",
  "mp4a",
  "mpeg",
  "mpg",
  "mpga",
  "mxu",
  "nef",
  "npx",
  "numbers",
  "nupkg",
  "o",
  "odp",
  "ods",
  "odt",
  "oga",
  "ogg",
  "ogv",
  "otf",
  "ott",
  "pages",
  "pbm",
  "pcx",
  "pdb",
  "pdf",
  "pea",
  "pgm",
  "pic",
  "png",
  "pnm",
  "pot",
  "potm",
  "potx",
  "ppa",
  "ppam",
  "ppm",
  "pps",
  "ppsm",
  "ppsx",
  "ppt",
  "pptm",
  "pptx",
  "psd",
  "pya",
  "pyc",
  "pyo",
  "pyv",
  "qt",
  "rar",
  "ras",
  "raw",
  "resources",
  "rgb",
  "rip",
  "rlc",
  "rmf",
  "rmvb",
  "rpm",
  "rtf",
  "rz",
  "s3m",
  "s7z",
  "scpt",
  "sgi",
  "shar",
  "snap",
  "sil",
  "sketch",
  "slk",
  "smv",
  "snk",
  "so",
  "stl",
  "suo",
  "sub",
  "swf",
  "tar",
  "tbz",
  "tbz2",
  "tga",
  "tgz",
  "thmx",
  "tif",
  "tiff",
  "tlz",
  "ttc",
  "ttf",
  "txz",
  "udf",
  "uvh",
  "uvi",
  "uvm",
  "uvp",
  "uvs",
  "uvu",
  "viv",
  "vob",
  "war",
  "wav",
  "wax",
  "wbmp",
  "wdp",
  "weba",
  "webm",
  "webp",
  "whl",
  "wim",
  "wm",
  "wma",
  "wmv",
  "wmx",
  "woff",
  "woff2",
  "wrm",
  "wvx",
  "xbm",
  "xif",
  "xla",
  "xlam",
  "xls",
  "xlsb",
  "xlsm",
  "xlsx",
  "xlt",
  "xltm",
  "xltx",
  "xm",
  "xmind",
  "xpi",
  "xpm",
  "xwd",
  "xz",
  "z",
  "zip",
  "zipx"
]);
var isBinaryPath = (filePath) => binaryExtensions.has(sysPath.extname(filePath).slice(1).toLowerCase());
var foreach = (val, fn) => {
  if (val instanceof Set) {
    val.forEach(fn);
  } else {
    fn(val);
  }
};
var addAndConvert = (main, prop, item) => {
  let container = main[prop];
  if (!(container instanceof Set)) {
    main[prop] = container = /* @__PURE__ */ new Set([container]);
  }
  container.add(item);
};
var clearItem = (cont) => (key) => {
  const set = cont[key];
  if (set instanceof Set) {
    set.clear();
  } else {
    delete cont[key];
  }
};
var delFromSet = (main, prop, item) => {
  const container = main[prop];
  if (container instanceof Set) {
    container.delete(item);
  } else if (container === item) {
    delete main[prop];
  }
};
var isEmptySet = (val) => val instanceof Set ? val.size === 0 : !val;
var FsWatchInstances = /* @__PURE__ */ new Map();
function createFsWatchInstance(path, options, listener, errHandler, emitRaw) {
  const handleEvent = (rawEvent, evPath) => {
    listener(path);
    emitRaw(rawEvent, evPath, { watchedPath: path });
    if (evPath && path !== evPath) {
      fsWatchBroadcast(sysPath.resolve(path, evPath), KEY_LISTENERS, sysPath.join(path, evPath));
    }
  };
  try {
    return (0, import_fs.watch)(path, {
      persistent: options.persistent
    }, handleEvent);
  } catch (error) {
    errHandler(error);
    return void 0;
  }
}
var fsWatchBroadcast = (fullPath, listenerType, val1, val2, val3) => {
  const cont = FsWatchInstances.get(fullPath);
  if (!cont)
    return;
  foreach(cont[listenerType], (listener) => {
    listener(val1, val2, val3);
  });
};
var setFsWatchListener = (path, fullPath, options, handlers) => {
  const { listener, errHandler, rawEmitter } = handlers;
  let cont = FsWatchInstances.get(fullPath);
  let watcher;
  if (!options.persistent) {
    watcher = createFsWatchInstance(path, options, listener, errHandler, rawEmitter);
    if (!watcher)
      return;
    return watcher.close.bind(watcher);
  }
  if (cont) {
    addAndConvert(cont, KEY_LISTENERS, listener);
    addAndConvert(cont, KEY_ERR, errHandler);
    addAndConvert(cont, KEY_RAW, rawEmitter);
  } else {
    watcher = createFsWatchInstance(
      path,
      options,
      fsWatchBroadcast.bind(null, fullPath, KEY_LISTENERS),
      errHandler,
      // no need to use broadcast here
      fsWatchBroadcast.bind(null, fullPath, KEY_RAW)
    );
    if (!watcher)
      return;
    watcher.on(EV.ERROR, async (error) => {
      const broadcastErr = fsWatchBroadcast.bind(null, fullPath, KEY_ERR);
      if (cont)
        cont.watcherUnusable = true;
      if (isWindows && error.code === "EPERM") {
        try {
          const fd = await (0, import_promises2.open)(path, "r");
          await fd.close();
          broadcastErr(error);
        } catch (err) {
        }
      } else {
        broadcastErr(error);
      }
    });
    cont = {
      listeners: listener,
      errHandlers: errHandler,
      rawEmitters: rawEmitter,
      watcher
    };
    FsWatchInstances.set(fullPath, cont);
  }
  return () => {
    delFromSet(cont, KEY_LISTENERS, listener);
    delFromSet(cont, KEY_ERR, errHandler);
    delFromSet(cont, KEY_RAW, rawEmitter);
    if (isEmptySet(cont.listeners)) {
      cont.watcher.close();
      FsWatchInstances.delete(fullPath);
      HANDLER_KEYS.forEach(clearItem(cont));
      cont.watcher = void 0;
      Object.freeze(cont);
    }
  };
};
var FsWatchFileInstances = /* @__PURE__ */ new Map();
var setFsWatchFileListener = (path, fullPath, options, handlers) => {
  const { listener, rawEmitter } = handlers;
  let cont = FsWatchFileInstances.get(fullPath);
  const copts = cont && cont.options;
  if (copts && (copts.persistent < options.persistent || copts.interval > options.interval)) {
    (0, import_fs.unwatchFile)(fullPath);
    cont = void 0;
  }
  if (cont) {
    addAndConvert(cont, KEY_LISTENERS, listener);
    addAndConvert(cont, KEY_RAW, rawEmitter);
  } else {
    cont = {
      listeners: listener,
      rawEmitters: rawEmitter,
      options,
      watcher: (0, import_fs.watchFile)(fullPath, options, (curr, prev) => {
        foreach(cont.rawEmitters, (rawEmitter2) => {
          rawEmitter2(EV.CHANGE, fullPath, { curr, prev });
        });
        const currmtime = curr.mtimeMs;
        if (curr.size !== prev.size || currmtime > prev.mtimeMs || currmtime === 0) {
          foreach(cont.listeners, (listener2) => listener2(path, curr));
        }
      })
    };
    FsWatchFileInstances.set(fullPath, cont);
  }
  return () => {
    delFromSet(cont, KEY_LISTENERS, listener);
    delFromSet(cont, KEY_RAW, rawEmitter);
    if (isEmptySet(cont.listeners)) {
      FsWatchFileInstances.delete(fullPath);
      (0, import_fs.unwatchFile)(fullPath);
      cont.options = cont.watcher = void 0;
      Object.freeze(cont);
    }
  };
};
var NodeFsHandler = class {
  constructor(fsW) {
    this.fsw = fsW;
    this._boundHandleError = (error) => fsW._handleError(error);
  }
  /**
   * Watch file for changes with fs_watchFile or fs_watch.
   * @param path to file or dir
   * @param listener on fs change
   * @returns closer for the watcher instance
   */
  _watchWithNodeFs(path, listener) {
    const opts = this.fsw.options;
    const directory = sysPath.dirname(path);
    const basename5 = sysPath.basename(path);
    const parent = this.fsw._getWatchedDir(directory);
    parent.add(basename5);
    const absolutePath = sysPath.resolve(path);
    const options = {
      persistent: opts.persistent
    };
    if (!listener)
      listener = EMPTY_FN;
    let closer;
    if (opts.usePolling) {
      const enableBin = opts.interval !== opts.binaryInterval;
      options.interval = enableBin && isBinaryPath(basename5) ? opts.binaryInterval : opts.interval;
      closer = setFsWatchFileListener(path, absolutePath, options, {
        listener,
        rawEmitter: this.fsw._emitRaw
      });
    } else {
      closer = setFsWatchListener(path, absolutePath, options, {
        listener,
        errHandler: this._boundHandleError,
        rawEmitter: this.fsw._emitRaw
      });
    }
    return closer;
  }
  /**
   * Watch a file and emit add event if warranted.
   * @returns closer for the watcher instance
   */
  _handleFile(file, stats, initialAdd) {
    if (this.fsw.closed) {
      return;
    }
    const dirname6 = sysPath.dirname(file);
    const basename5 = sysPath.basename(file);
    const parent = this.fsw._getWatchedDir(dirname6);
    let prevStats = stats;
    if (parent.has(basename5))
      return;
    const listener = async (path, newStats) => {
      if (!this.fsw._throttle(THROTTLE_MODE_WATCH, file, 5))
        return;
      if (!newStats || newStats.mtimeMs === 0) {
        try {
          const newStats2 = await (0, import_promises2.stat)(file);
          if (this.fsw.closed)
            return;
          const at = newStats2.atimeMs;
          const mt = newStats2.mtimeMs;
          if (!at || at <= mt || mt !== prevStats.mtimeMs) {
            this.fsw._emit(EV.CHANGE, file, newStats2);
          }
          if ((isMacos || isLinux || isFreeBSD) && prevStats.ino !== newStats2.ino) {
            this.fsw._closeFile(path);
            prevStats = newStats2;
            const closer2 = this._watchWithNodeFs(file, listener);
            if (closer2)
              this.fsw._addPathCloser(path, closer2);
          } else {
            prevStats = newStats2;
          }
        } catch (error) {
          this.fsw._remove(dirname6, basename5);
        }
      } else if (parent.has(basename5)) {
        const at = newStats.atimeMs;
        const mt = newStats.mtimeMs;
        if (!at || at <= mt || mt !== prevStats.mtimeMs) {
          this.fsw._emit(EV.CHANGE, file, newStats);
        }
        prevStats = newStats;
      }
    };
    const closer = this._watchWithNodeFs(file, listener);
    if (!(initialAdd && this.fsw.options.ignoreInitial) && this.fsw._isntIgnored(file)) {
      if (!this.fsw._throttle(EV.ADD, file, 0))
        return;
      this.fsw._emit(EV.ADD, file, stats);
    }
    return closer;
  }
  /**
   * Handle symlinks encountered while reading a dir.
   * @param entry returned by readdirp
   * @param directory path of dir being read
   * @param path of this item
   * @param item basename of this item
   * @returns true if no more processing is needed for this entry.
   */
  async _handleSymlink(entry, directory, path, item) {
    if (this.fsw.closed) {
      return;
    }
    const full = entry.fullPath;
    const dir = this.fsw._getWatchedDir(directory);
    if (!this.fsw.options.followSymlinks) {
      this.fsw._incrReadyCount();
      let linkPath;
      try {
        linkPath = await (0, import_promises2.realpath)(path);
      } catch (e) {
        this.fsw._emitReady();
        return true;
      }
      if (this.fsw.closed)
        return;
      if (dir.has(item)) {
        if (this.fsw._symlinkPaths.get(full) !== linkPath) {
          this.fsw._symlinkPaths.set(full, linkPath);
          this.fsw._emit(EV.CHANGE, path, entry.stats);
        }
      } else {
        dir.add(item);
        this.fsw._symlinkPaths.set(full, linkPath);
        this.fsw._emit(EV.ADD, path, entry.stats);
      }
      this.fsw._emitReady();
      return true;
    }
    if (this.fsw._symlinkPaths.has(full)) {
      return true;
    }
    this.fsw._symlinkPaths.set(full, true);
  }
  _handleRead(directory, initialAdd, wh, target, dir, depth, throttler) {
    directory = sysPath.join(directory, "");
    throttler = this.fsw._throttle("readdir", directory, 1e3);
    if (!throttler)
      return;
    const previous = this.fsw._getWatchedDir(wh.path);
    const current = /* @__PURE__ */ new Set();
    let stream = this.fsw._readdirp(directory, {
      fileFilter: (entry) => wh.filterPath(entry),
      directoryFilter: (entry) => wh.filterDir(entry)
    });
    if (!stream)
      return;
    stream.on(STR_DATA, async (entry) => {
      if (this.fsw.closed) {
        stream = void 0;
        return;
      }
      const item = entry.path;
      let path = sysPath.join(directory, item);
      current.add(item);
      if (entry.stats.isSymbolicLink() && await this._handleSymlink(entry, directory, path, item)) {
        return;
      }
      if (this.fsw.closed) {
        stream = void 0;
        return;
      }
      if (item === target || !target && !previous.has(item)) {
        this.fsw._incrReadyCount();
        path = sysPath.join(dir, sysPath.relative(dir, path));
        this._addToNodeFs(path, initialAdd, wh, depth + 1);
      }
    }).on(EV.ERROR, this._boundHandleError);
    return new Promise((resolve4, reject) => {
      if (!stream)
        return reject();
      stream.once(STR_END, () => {
        if (this.fsw.closed) {
          stream = void 0;
          return;
        }
        const wasThrottled = throttler ? throttler.clear() : false;
        resolve4(void 0);
        previous.getChildren().filter((item) => {
          return item !== directory && !current.has(item);
        }).forEach((item) => {
          this.fsw._remove(directory, item);
        });
        stream = void 0;
        if (wasThrottled)
          this._handleRead(directory, false, wh, target, dir, depth, throttler);
      });
    });
  }
  /**
   * Read directory to add / remove files from `@watched` list and re-read it on change.
   * @param dir fs path
   * @param stats
   * @param initialAdd
   * @param depth relative to user-supplied path
   * @param target child path targeted for watch
   * @param wh Common watch helpers for this path
   * @param realpath
   * @returns closer for the watcher instance.
   */
  async _handleDir(dir, stats, initialAdd, depth, target, wh, realpath2) {
    const parentDir = this.fsw._getWatchedDir(sysPath.dirname(dir));
    const tracked = parentDir.has(sysPath.basename(dir));
    if (!(initialAdd && this.fsw.options.ignoreInitial) && !target && !tracked) {
      this.fsw._emit(EV.ADD_DIR, dir, stats);
    }
    parentDir.add(sysPath.basename(dir));
    this.fsw._getWatchedDir(dir);
    let throttler;
    let closer;
    const oDepth = this.fsw.options.depth;
    if ((oDepth == null || depth <= oDepth) && !this.fsw._symlinkPaths.has(realpath2)) {
      if (!target) {
        await this._handleRead(dir, initialAdd, wh, target, dir, depth, throttler);
        if (this.fsw.closed)
          return;
      }
      closer = this._watchWithNodeFs(dir, (dirPath, stats2) => {
        if (stats2 && stats2.mtimeMs === 0)
          return;
        this._handleRead(dirPath, false, wh, target, dir, depth, throttler);
      });
    }
    return closer;
  }
  /**
   * Handle added file, directory, or glob pattern.
   * Delegates call to _handleFile / _handleDir after checks.
   * @param path to file or ir
   * @param initialAdd was the file added at watch instantiation?
   * @param priorWh depth relative to user-supplied path
   * @param depth Child path actually targeted for watch
   * @param target Child path actually targeted for watch
   */
  async _addToNodeFs(path, initialAdd, priorWh, depth, target) {
    const ready = this.fsw._emitReady;
    if (this.fsw._isIgnored(path) || this.fsw.closed) {
      ready();
      return false;
    }
    const wh = this.fsw._getWatchHelpers(path);
    if (priorWh) {
      wh.filterPath = (entry) => priorWh.filterPath(entry);
      wh.filterDir = (entry) => priorWh.filterDir(entry);
    }
    try {
      const stats = await statMethods[wh.statMethod](wh.watchPath);
      if (this.fsw.closed)
        return;
      if (this.fsw._isIgnored(wh.watchPath, stats)) {
        ready();
        return false;
      }
      const follow = this.fsw.options.followSymlinks;
      let closer;
      if (stats.isDirectory()) {
        const absPath = sysPath.resolve(path);
        const targetPath = follow ? await (0, import_promises2.realpath)(path) : path;
        if (this.fsw.closed)
          return;
        closer = await this._handleDir(wh.watchPath, stats, initialAdd, depth, target, wh, targetPath);
        if (this.fsw.closed)
          return;
        if (absPath !== targetPath && targetPath !== void 0) {
          this.fsw._symlinkPaths.set(absPath, targetPath);
        }
      } else if (stats.isSymbolicLink()) {
        const targetPath = follow ? await (0, import_promises2.realpath)(path) : path;
        if (this.fsw.closed)
          return;
        const parent = sysPath.dirname(wh.watchPath);
        this.fsw._getWatchedDir(parent).add(wh.watchPath);
        this.fsw._emit(EV.ADD, wh.watchPath, stats);
        closer = await this._handleDir(parent, stats, initialAdd, depth, path, wh, targetPath);
        if (this.fsw.closed)
          return;
        if (targetPath !== void 0) {
          this.fsw._symlinkPaths.set(sysPath.resolve(path), targetPath);
        }
      } else {
        closer = this._handleFile(wh.watchPath, stats, initialAdd);
      }
      ready();
      if (closer)
        this.fsw._addPathCloser(path, closer);
      return false;
    } catch (error) {
      if (this.fsw._handleError(error)) {
        ready();
        return path;
      }
    }
  }
};

// node_modules/chokidar/esm/index.js
var SLASH = "/";
var SLASH_SLASH = "//";
var ONE_DOT = ".";
var TWO_DOTS = "..";
var STRING_TYPE = "string";
var BACK_SLASH_RE = /\\/g;
var DOUBLE_SLASH_RE = /\/\//;
var DOT_RE = /\..*\.(sw[px])$|~$|\.subl.*\.tmp/;
var REPLACER_RE = /^\.[/\\]/;
function arrify(item) {
  return Array.isArray(item) ? item : [item];
}
var isMatcherObject = (matcher) => typeof matcher === "object" && matcher !== null && !(matcher instanceof RegExp);
function createPattern(matcher) {
  if (typeof matcher === "function")
    return matcher;
  if (typeof matcher === "string")
    return (string) => matcher === string;
  if (matcher instanceof RegExp)
    return (string) => matcher.test(string);
  if (typeof matcher === "object" && matcher !== null) {
    return (string) => {
      if (matcher.path === string)
        return true;
      if (matcher.recursive) {
        const relative3 = sysPath2.relative(matcher.path, string);
        if (!relative3) {
          return false;
        }
        return !relative3.startsWith("..") && !sysPath2.isAbsolute(relative3);
      }
      return false;
    };
  }
  return () => false;
}
function normalizePath(path) {
  if (typeof path !== "string")
    throw new Error("string expected");
  path = sysPath2.normalize(path);
  path = path.replace(/\\/g, "/");
  let prepend = false;
  if (path.startsWith("//"))
    prepend = true;
  const DOUBLE_SLASH_RE2 = /\/\//;
  while (path.match(DOUBLE_SLASH_RE2))
    path = path.replace(DOUBLE_SLASH_RE2, "/");
  if (prepend)
    path = "/" + path;
  return path;
}
function matchPatterns(patterns, testString, stats) {
  const path = normalizePath(testString);
  for (let index = 0; index < patterns.length; index++) {
    const pattern = patterns[index];
    if (pattern(path, stats)) {
      return true;
    }
  }
  return false;
}
function anymatch(matchers, testString) {
  if (matchers == null) {
    throw new TypeError("anymatch: specify first argument");
  }
  const matchersArray = arrify(matchers);
  const patterns = matchersArray.map((matcher) => createPattern(matcher));
  if (testString == null) {
    return (testString2, stats) => {
      return matchPatterns(patterns, testString2, stats);
    };
  }
  return matchPatterns(patterns, testString);
}
var unifyPaths = (paths_) => {
  const paths = arrify(paths_).flat();
  if (!paths.every((p) => typeof p === STRING_TYPE)) {
    throw new TypeError(`Non-string provided as watch path: ${paths}`);
  }
  return paths.map(normalizePathToUnix);
};
var toUnix = (string) => {
  let str = string.replace(BACK_SLASH_RE, SLASH);
  let prepend = false;
  if (str.startsWith(SLASH_SLASH)) {
    prepend = true;
  }
  while (str.match(DOUBLE_SLASH_RE)) {
    str = str.replace(DOUBLE_SLASH_RE, SLASH);
  }
  if (prepend) {
    str = SLASH + str;
  }
  return str;
};
var normalizePathToUnix = (path) => toUnix(sysPath2.normalize(toUnix(path)));
var normalizeIgnored = (cwd = "") => (path) => {
  if (typeof path === "string") {
    return normalizePathToUnix(sysPath2.isAbsolute(path) ? path : sysPath2.join(cwd, path));
  } else {
    return path;
  }
};
var getAbsolutePath = (path, cwd) => {
  if (sysPath2.isAbsolute(path)) {
    return path;
  }
  return sysPath2.join(cwd, path);
};
var EMPTY_SET = Object.freeze(/* @__PURE__ */ new Set());
var DirEntry = class {
  constructor(dir, removeWatcher) {
    this.path = dir;
    this._removeWatcher = removeWatcher;
    this.items = /* @__PURE__ */ new Set();
  }
  add(item) {
    const { items } = this;
    if (!items)
      return;
    if (item !== ONE_DOT && item !== TWO_DOTS)
      items.add(item);
  }
  async remove(item) {
    const { items } = this;
    if (!items)
      return;
    items.delete(item);
    if (items.size > 0)
      return;
    const dir = this.path;
    try {
      await (0, import_promises3.readdir)(dir);
    } catch (err) {
      if (this._removeWatcher) {
        this._removeWatcher(sysPath2.dirname(dir), sysPath2.basename(dir));
      }
    }
  }
  has(item) {
    const { items } = this;
    if (!items)
      return;
    return items.has(item);
  }
  getChildren() {
    const { items } = this;
    if (!items)
      return [];
    return [...items.values()];
  }
  dispose() {
    this.items.clear();
    this.path = "";
    this._removeWatcher = EMPTY_FN;
    this.items = EMPTY_SET;
    Object.freeze(this);
  }
};
var STAT_METHOD_F = "stat";
var STAT_METHOD_L = "lstat";
var WatchHelper = class {
  constructor(path, follow, fsw) {
    this.fsw = fsw;
    const watchPath = path;
    this.path = path = path.replace(REPLACER_RE, "");
    this.watchPath = watchPath;
    this.fullWatchPath = sysPath2.resolve(watchPath);
    this.dirParts = [];
    this.dirParts.forEach((parts) => {
      if (parts.length > 1)
        parts.pop();
    });
    this.followSymlinks = follow;
    this.statMethod = follow ? STAT_METHOD_F : STAT_METHOD_L;
  }
  entryPath(entry) {
    return sysPath2.join(this.watchPath, sysPath2.relative(this.watchPath, entry.fullPath));
  }
  filterPath(entry) {
    const { stats } = entry;
    if (stats && stats.isSymbolicLink())
      return this.filterDir(entry);
    const resolvedPath = this.entryPath(entry);
    return this.fsw._isntIgnored(resolvedPath, stats) && this.fsw._hasReadPermissions(stats);
  }
  filterDir(entry) {
    return this.fsw._isntIgnored(this.entryPath(entry), entry.stats);
  }
};
var FSWatcher = class extends import_events.EventEmitter {
  // Not indenting methods for history sake; for now.
  constructor(_opts = {}) {
    super();
    this.closed = false;
    this._closers = /* @__PURE__ */ new Map();
    this._ignoredPaths = /* @__PURE__ */ new Set();
    this._throttled = /* @__PURE__ */ new Map();
    this._streams = /* @__PURE__ */ new Set();
    this._symlinkPaths = /* @__PURE__ */ new Map();
    this._watched = /* @__PURE__ */ new Map();
    this._pendingWrites = /* @__PURE__ */ new Map();
    this._pendingUnlinks = /* @__PURE__ */ new Map();
    this._readyCount = 0;
    this._readyEmitted = false;
    const awf = _opts.awaitWriteFinish;
    const DEF_AWF = { stabilityThreshold: 2e3, pollInterval: 100 };
    const opts = {
      // Defaults
      persistent: true,
      ignoreInitial: false,
      ignorePermissionErrors: false,
      interval: 100,
      binaryInterval: 300,
      followSymlinks: true,
      usePolling: false,
      // useAsync: false,
      atomic: true,
      // NOTE: overwritten later (depends on usePolling)
      ..._opts,
      // Change format
      ignored: _opts.ignored ? arrify(_opts.ignored) : arrify([]),
      awaitWriteFinish: awf === true ? DEF_AWF : typeof awf === "object" ? { ...DEF_AWF, ...awf } : false
    };
    if (isIBMi)
      opts.usePolling = true;
    if (opts.atomic === void 0)
      opts.atomic = !opts.usePolling;
    const envPoll = process.env.CHOKIDAR_USEPOLLING;
    if (envPoll !== void 0) {
      const envLower = envPoll.toLowerCase();
      if (envLower === "false" || envLower === "0")
        opts.usePolling = false;
      else if (envLower === "true" || envLower === "1")
        opts.usePolling = true;
      else
        opts.usePolling = !!envLower;
    }
    const envInterval = process.env.CHOKIDAR_INTERVAL;
    if (envInterval)
      opts.interval = Number.parseInt(envInterval, 10);
    let readyCalls = 0;
    this._emitReady = () => {
      readyCalls++;
      if (readyCalls >= this._readyCount) {
        this._emitReady = EMPTY_FN;
        this._readyEmitted = true;
        process.nextTick(() => this.emit(EVENTS.READY));
      }
    };
    this._emitRaw = (...args) => this.emit(EVENTS.RAW, ...args);
    this._boundRemove = this._remove.bind(this);
    this.options = opts;
    this._nodeFsHandler = new NodeFsHandler(this);
    Object.freeze(opts);
  }
  _addIgnoredPath(matcher) {
    if (isMatcherObject(matcher)) {
      for (const ignored of this._ignoredPaths) {
        if (isMatcherObject(ignored) && ignored.path === matcher.path && ignored.recursive === matcher.recursive) {
          return;
        }
      }
    }
    this._ignoredPaths.add(matcher);
  }
  _removeIgnoredPath(matcher) {
    this._ignoredPaths.delete(matcher);
    if (typeof matcher === "string") {
      for (const ignored of this._ignoredPaths) {
        if (isMatcherObject(ignored) && ignored.path === matcher) {
          this._ignoredPaths.delete(ignored);
        }
      }
    }
  }
  // Public methods
  /**
   * Adds paths to be watched on an existing FSWatcher instance.
   * @param paths_ file or file list. Other arguments are unused
   */
  add(paths_, _origAdd, _internal) {
    const { cwd } = this.options;
    this.closed = false;
    this._closePromise = void 0;
    let paths = unifyPaths(paths_);
    if (cwd) {
      paths = paths.map((path) => {
        const absPath = getAbsolutePath(path, cwd);
        return absPath;
      });
    }
    paths.forEach((path) => {
      this._removeIgnoredPath(path);
    });
    this._userIgnored = void 0;
    if (!this._readyCount)
      this._readyCount = 0;
    this._readyCount += paths.length;
    Promise.all(paths.map(async (path) => {
      const res = await this._nodeFsHandler._addToNodeFs(path, !_internal, void 0, 0, _origAdd);
      if (res)
        this._emitReady();
      return res;
    })).then((results) => {
      if (this.closed)
        return;
      results.forEach((item) => {
        if (item)
          this.add(sysPath2.dirname(item), sysPath2.basename(_origAdd || item));
      });
    });
    return this;
  }
  /**
   * Close watchers or start ignoring events from specified paths.
   */
  unwatch(paths_) {
    if (this.closed)
      return this;
    const paths = unifyPaths(paths_);
    const { cwd } = this.options;
    paths.forEach((path) => {
      if (!sysPath2.isAbsolute(path) && !this._closers.has(path)) {
        if (cwd)
          path = sysPath2.join(cwd, path);
        path = sysPath2.resolve(path);
      }
      this._closePath(path);
      this._addIgnoredPath(path);
      if (this._watched.has(path)) {
        this._addIgnoredPath({
          path,
          recursive: true
        });
      }
      this._userIgnored = void 0;
    });
    return this;
  }
  /**
   * Close watchers and remove all listeners from watched paths.
   */
  close() {
    if (this._closePromise) {
      return this._closePromise;
    }
    this.closed = true;
    this.removeAllListeners();
    const closers = [];
    this._closers.forEach((closerList) => closerList.forEach((closer) => {
      const promise = closer();
      if (promise instanceof Promise)
        closers.push(promise);
    }));
    this._streams.forEach((stream) => stream.destroy());
    this._userIgnored = void 0;
    this._readyCount = 0;
    this._readyEmitted = false;
    this._watched.forEach((dirent) => dirent.dispose());
    this._closers.clear();
    this._watched.clear();
    this._streams.clear();
    this._symlinkPaths.clear();
    this._throttled.clear();
    this._closePromise = closers.length ? Promise.all(closers).then(() => void 0) : Promise.resolve();
    return this._closePromise;
  }
  /**
   * Expose list of watched paths
   * @returns for chaining
   */
  getWatched() {
    const watchList = {};
    this._watched.forEach((entry, dir) => {
      const key = this.options.cwd ? sysPath2.relative(this.options.cwd, dir) : dir;
      const index = key || ONE_DOT;
      watchList[index] = entry.getChildren().sort();
    });
    return watchList;
  }
  emitWithAll(event, args) {
    this.emit(event, ...args);
    if (event !== EVENTS.ERROR)
      this.emit(EVENTS.ALL, event, ...args);
  }
  // Common helpers
  // --------------
  /**
   * Normalize and emit events.
   * Calling _emit DOES NOT MEAN emit() would be called!
   * @param event Type of event
   * @param path File or directory path
   * @param stats arguments to be passed with event
   * @returns the error if defined, otherwise the value of the FSWatcher instance's `closed` flag
   */
  async _emit(event, path, stats) {
    if (this.closed)
      return;
    const opts = this.options;
    if (isWindows)
      path = sysPath2.normalize(path);
    if (opts.cwd)
      path = sysPath2.relative(opts.cwd, path);
    const args = [path];
    if (stats != null)
      args.push(stats);
    const awf = opts.awaitWriteFinish;
    let pw;
    if (awf && (pw = this._pendingWrites.get(path))) {
      pw.lastChange = /* @__PURE__ */ new Date();
      return this;
    }
    if (opts.atomic) {
      if (event === EVENTS.UNLINK) {
        this._pendingUnlinks.set(path, [event, ...args]);
        setTimeout(() => {
          this._pendingUnlinks.forEach((entry, path2) => {
            this.emit(...entry);
            this.emit(EVENTS.ALL, ...entry);
            this._pendingUnlinks.delete(path2);
          });
        }, typeof opts.atomic === "number" ? opts.atomic : 100);
        return this;
      }
      if (event === EVENTS.ADD && this._pendingUnlinks.has(path)) {
        event = EVENTS.CHANGE;
        this._pendingUnlinks.delete(path);
      }
    }
    if (awf && (event === EVENTS.ADD || event === EVENTS.CHANGE) && this._readyEmitted) {
      const awfEmit = (err, stats2) => {
        if (err) {
          event = EVENTS.ERROR;
          args[0] = err;
          this.emitWithAll(event, args);
        } else if (stats2) {
          if (args.length > 1) {
            args[1] = stats2;
          } else {
            args.push(stats2);
          }
          this.emitWithAll(event, args);
        }
      };
      this._awaitWriteFinish(path, awf.stabilityThreshold, event, awfEmit);
      return this;
    }
    if (event === EVENTS.CHANGE) {
      const isThrottled = !this._throttle(EVENTS.CHANGE, path, 50);
      if (isThrottled)
        return this;
    }
    if (opts.alwaysStat && stats === void 0 && (event === EVENTS.ADD || event === EVENTS.ADD_DIR || event === EVENTS.CHANGE)) {
      const fullPath = opts.cwd ? sysPath2.join(opts.cwd, path) : path;
      let stats2;
      try {
        stats2 = await (0, import_promises3.stat)(fullPath);
      } catch (err) {
      }
      if (!stats2 || this.closed)
        return;
      args.push(stats2);
    }
    this.emitWithAll(event, args);
    return this;
  }
  /**
   * Common handler for errors
   * @returns The error if defined, otherwise the value of the FSWatcher instance's `closed` flag
   */
  _handleError(error) {
    const code = error && error.code;
    if (error && code !== "ENOENT" && code !== "ENOTDIR" && (!this.options.ignorePermissionErrors || code !== "EPERM" && code !== "EACCES")) {
      this.emit(EVENTS.ERROR, error);
    }
    return error || this.closed;
  }
  /**
   * Helper utility for throttling
   * @param actionType type being throttled
   * @param path being acted upon
   * @param timeout duration of time to suppress duplicate actions
   * @returns tracking object or false if action should be suppressed
   */
  _throttle(actionType, path, timeout) {
    if (!this._throttled.has(actionType)) {
      this._throttled.set(actionType, /* @__PURE__ */ new Map());
    }
    const action = this._throttled.get(actionType);
    if (!action)
      throw new Error("invalid throttle");
    const actionPath = action.get(path);
    if (actionPath) {
      actionPath.count++;
      return false;
    }
    let timeoutObject;
    const clear = () => {
      const item = action.get(path);
      const count = item ? item.count : 0;
      action.delete(path);
      clearTimeout(timeoutObject);
      if (item)
        clearTimeout(item.timeoutObject);
      return count;
    };
    timeoutObject = setTimeout(clear, timeout);
    const thr = { timeoutObject, clear, count: 0 };
    action.set(path, thr);
    return thr;
  }
  _incrReadyCount() {
    return this._readyCount++;
  }
  /**
   * Awaits write operation to finish.
   * Polls a newly created file for size variations. When files size does not change for 'threshold' milliseconds calls callback.
   * @param path being acted upon
   * @param threshold Time in milliseconds a file size must be fixed before acknowledging write OP is finished
   * @param event
   * @param awfEmit Callback to be called when ready for event to be emitted.
   */
  _awaitWriteFinish(path, threshold, event, awfEmit) {
    const awf = this.options.awaitWriteFinish;
    if (typeof awf !== "object")
      return;
    const pollInterval = awf.pollInterval;
    let timeoutHandler;
    let fullPath = path;
    if (this.options.cwd && !sysPath2.isAbsolute(path)) {
      fullPath = sysPath2.join(this.options.cwd, path);
    }
    const now = /* @__PURE__ */ new Date();
    const writes = this._pendingWrites;
    function awaitWriteFinishFn(prevStat) {
      (0, import_fs2.stat)(fullPath, (err, curStat) => {
        if (err || !writes.has(path)) {
          if (err && err.code !== "ENOENT")
            awfEmit(err);
          return;
        }
        const now2 = Number(/* @__PURE__ */ new Date());
        if (prevStat && curStat.size !== prevStat.size) {
          writes.get(path).lastChange = now2;
        }
        const pw = writes.get(path);
        const df = now2 - pw.lastChange;
        if (df >= threshold) {
          writes.delete(path);
          awfEmit(void 0, curStat);
        } else {
          timeoutHandler = setTimeout(awaitWriteFinishFn, pollInterval, curStat);
        }
      });
    }
    if (!writes.has(path)) {
      writes.set(path, {
        lastChange: now,
        cancelWait: () => {
          writes.delete(path);
          clearTimeout(timeoutHandler);
          return event;
        }
      });
      timeoutHandler = setTimeout(awaitWriteFinishFn, pollInterval);
    }
  }
  /**
   * Determines whether user has asked to ignore this path.
   */
  _isIgnored(path, stats) {
    if (this.options.atomic && DOT_RE.test(path))
      return true;
    if (!this._userIgnored) {
      const { cwd } = this.options;
      const ign = this.options.ignored;
      const ignored = (ign || []).map(normalizeIgnored(cwd));
      const ignoredPaths = [...this._ignoredPaths];
      const list = [...ignoredPaths.map(normalizeIgnored(cwd)), ...ignored];
      this._userIgnored = anymatch(list, void 0);
    }
    return this._userIgnored(path, stats);
  }
  _isntIgnored(path, stat4) {
    return !this._isIgnored(path, stat4);
  }
  /**
   * Provides a set of common helpers and properties relating to symlink handling.
   * @param path file or directory pattern being watched
   */
  _getWatchHelpers(path) {
    return new WatchHelper(path, this.options.followSymlinks, this);
  }
  // Directory helpers
  // -----------------
  /**
   * Provides directory tracking objects
   * @param directory path of the directory
   */
  _getWatchedDir(directory) {
    const dir = sysPath2.resolve(directory);
    if (!this._watched.has(dir))
      this._watched.set(dir, new DirEntry(dir, this._boundRemove));
    return this._watched.get(dir);
  }
  // File helpers
  // ------------
  /**
   * Check for read permissions: https://stackoverflow.com/a/11781404/1358405
   */
  _hasReadPermissions(stats) {
    if (this.options.ignorePermissionErrors)
      return true;
    return Boolean(Number(stats.mode) & 256);
  }
  /**
   * Handles emitting unlink events for
   * files and directories, and via recursion, for
   * files and directories within directories that are unlinked
   * @param directory within which the following item is located
   * @param item      base path of item/directory
   */
  _remove(directory, item, isDirectory) {
    const path = sysPath2.join(directory, item);
    const fullPath = sysPath2.resolve(path);
    isDirectory = isDirectory != null ? isDirectory : this._watched.has(path) || this._watched.has(fullPath);
    if (!this._throttle("remove", path, 100))
      return;
    if (!isDirectory && this._watched.size === 1) {
      this.add(directory, item, true);
    }
    const wp = this._getWatchedDir(path);
    const nestedDirectoryChildren = wp.getChildren();
    nestedDirectoryChildren.forEach((nested) => this._remove(path, nested));
    const parent = this._getWatchedDir(directory);
    const wasTracked = parent.has(item);
    parent.remove(item);
    if (this._symlinkPaths.has(fullPath)) {
      this._symlinkPaths.delete(fullPath);
    }
    let relPath = path;
    if (this.options.cwd)
      relPath = sysPath2.relative(this.options.cwd, path);
    if (this.options.awaitWriteFinish && this._pendingWrites.has(relPath)) {
      const event = this._pendingWrites.get(relPath).cancelWait();
      if (event === EVENTS.ADD)
        return;
    }
    this._watched.delete(path);
    this._watched.delete(fullPath);
    const eventName = isDirectory ? EVENTS.UNLINK_DIR : EVENTS.UNLINK;
    if (wasTracked && !this._isIgnored(path))
      this._emit(eventName, path);
    this._closePath(path);
  }
  /**
   * Closes all watchers for a path
   */
  _closePath(path) {
    this._closeFile(path);
    const dir = sysPath2.dirname(path);
    this._getWatchedDir(dir).remove(sysPath2.basename(path));
  }
  /**
   * Closes only file-specific watchers
   */
  _closeFile(path) {
    const closers = this._closers.get(path);
    if (!closers)
      return;
    closers.forEach((closer) => closer());
    this._closers.delete(path);
  }
  _addPathCloser(path, closer) {
    if (!closer)
      return;
    let list = this._closers.get(path);
    if (!list) {
      list = [];
      this._closers.set(path, list);
    }
    list.push(closer);
  }
  _readdirp(root, opts) {
    if (this.closed)
      return;
    const options = { type: EVENTS.ALL, alwaysStat: true, lstat: true, ...opts, depth: 0 };
    let stream = readdirp(root, options);
    this._streams.add(stream);
    stream.once(STR_CLOSE, () => {
      stream = void 0;
    });
    stream.once(STR_END, () => {
      if (stream) {
        this._streams.delete(stream);
        stream = void 0;
      }
    });
    return stream;
  }
};
function watch(paths, options = {}) {
  const watcher = new FSWatcher(options);
  watcher.add(paths);
  return watcher;
}

// src/sync/atomic.ts
var import_node_fs = require("node:fs");
var import_node_path2 = require("node:path");
var UnsafeFile = class extends Error {
  constructor(message) {
    super(message);
    this.name = "UnsafeFile";
  }
};
var utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
function readText(path) {
  let stat4;
  try {
    stat4 = (0, import_node_fs.lstatSync)(path);
  } catch (error) {
    if (error.code === "ENOENT") return null;
    throw error;
  }
  if (!stat4.isFile()) {
    const what = stat4.isSymbolicLink() ? "a symbolic link" : stat4.isDirectory() ? "a directory" : "not a regular file";
    throw new UnsafeFile(`${path} is ${what}; tasktrail reads and writes only a regular file there, and left it alone. Replace it with a file.`);
  }
  const bytes = (0, import_node_fs.readFileSync)(path);
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
    const mode = (0, import_node_fs.lstatSync)(path).mode & 4095;
    if ((mode & 146) === 0) throw new UnsafeFile(`${path} is read-only; tasktrail left it as it is. Make it writable (chmod u+w) to let tasktrail update it.`);
    return mode;
  } catch (error) {
    if (error.code === "ENOENT") return null;
    throw error;
  }
}
function replaceIfUnchanged(path, text, expected) {
  const mode = modeFor(path);
  const dir = (0, import_node_path2.dirname)(path);
  const temp = (0, import_node_path2.join)(dir, `.${(0, import_node_path2.basename)(path)}.tasktrail-${process.pid}.tmp`);
  let renamed = false;
  try {
    const fd = (0, import_node_fs.openSync)(temp, "w");
    try {
      (0, import_node_fs.writeFileSync)(fd, text);
      if (mode !== null) (0, import_node_fs.fchmodSync)(fd, mode);
      (0, import_node_fs.fsyncSync)(fd);
    } finally {
      (0, import_node_fs.closeSync)(fd);
    }
    if (readText(path) !== expected) throw new FileChangedDuringSync(path);
    (0, import_node_fs.renameSync)(temp, path);
    renamed = true;
  } catch (error) {
    const name = error.name;
    if (name === "FileChangedDuringSync" || name === "UnsafeFile") throw error;
    throw new UnsafeFile(`could not write ${path} (${error.code ?? error.message}); it was left as it was, and the store keeps the change. The next sync writes it.`);
  } finally {
    if (!renamed) (0, import_node_fs.rmSync)(temp, { force: true });
  }
  const dirFd = (0, import_node_fs.openSync)(dir, "r");
  try {
    (0, import_node_fs.fsyncSync)(dirFd);
  } finally {
    (0, import_node_fs.closeSync)(dirFd);
  }
}

// src/markdown/blocks.ts
function hashText(text) {
  let fnv = 2166136261;
  let murmur = 2538058380;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    fnv = Math.imul(fnv ^ code, 16777619);
    murmur = Math.imul(murmur ^ code, 1540483477);
    murmur ^= murmur >>> 15;
  }
  return `${text.length.toString(36)}.${(fnv >>> 0).toString(36)}.${(murmur >>> 0).toString(36)}`;
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
function indentOf(text) {
  let columns = 0;
  let at = 0;
  for (; at < text.length; at++) {
    const char = text[at];
    if (char === " ") columns++;
    else if (char === "	") columns += 4 - columns % 4;
    else break;
  }
  return { columns, at };
}
function htmlStart(rest, paragraph) {
  for (const [open2, close] of HTML_ENDS) if (open2.test(rest)) return close;
  if (HTML_UNTIL_BLANK.test(rest)) return "blank";
  if (!paragraph && HTML_TAG_LINE.test(rest)) return "blank";
  return null;
}
function startsBlock(rest) {
  return ATX.test(rest) || FENCE_OPEN.test(rest) || THEMATIC.test(rest) || LIST_ITEM.test(rest) || rest.startsWith(">") || htmlStart(rest, true) !== null;
}
function fenceCloses(text, fence) {
  const { columns, at } = indentOf(text);
  if (columns > 3) return false;
  const rest = text.slice(at).replace(/[ \t\r]+$/, "");
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
    const text = source.slice(at, newline === -1 ? source.length : newline);
    const blank = BLANK.test(text);
    if (fence !== null) {
      if (fenceCloses(text, fence)) fence = null;
    } else if (html !== null) {
      if (html === "blank" ? blank : html.test(text)) html = null;
    } else if (blank) {
      paragraph = false;
    } else {
      const { columns, at: restAt } = indentOf(text);
      const rest = text.slice(restAt);
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
function contentHash(text) {
  if (last?.text === text) return last.hash;
  const hash = hashText(text);
  last = { text, hash };
  return hash;
}

// src/sync/bases.ts
function findBase(store, root, branch) {
  return store.prepare("SELECT id, root, branch, head, file_hash, event_mark FROM sync_bases WHERE root = ? AND branch = ?").get(root, branch);
}
var lastParsed;
function baseParsed(store, base) {
  if (base.file_hash !== null && lastParsed?.fileHash === base.file_hash) return lastParsed.parsed;
  const parsed = decodeParsed(store.prepare("SELECT parsed FROM sync_base_files WHERE base_id = ?").get(base.id).parsed);
  if (base.file_hash !== null) lastParsed = { fileHash: base.file_hash, parsed };
  return parsed;
}
function saveBase(store, fields) {
  store.prepare(
    `INSERT INTO sync_bases (repo_id, root, branch, head, file_hash, event_mark, synced_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (root, branch) DO UPDATE SET repo_id = excluded.repo_id, head = excluded.head, file_hash = excluded.file_hash,
         event_mark = excluded.event_mark, synced_at = excluded.synced_at`
  ).run(fields.repoId, fields.root, fields.branch, fields.head, fields.fileHash, fields.eventMark, store.now());
  const id = findBase(store, fields.root, fields.branch).id;
  store.prepare("INSERT INTO sync_base_files (base_id, parsed) VALUES (?, ?) ON CONFLICT (base_id) DO UPDATE SET parsed = excluded.parsed").run(id, encodeParsed(fields.parsed));
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
function advanceBase(store, baseId, head, eventMark2) {
  store.prepare("UPDATE sync_bases SET head = ?, event_mark = ?, synced_at = ? WHERE id = ?").run(head, eventMark2, store.now(), baseId);
}
function eventMark(store) {
  return store.prepare("SELECT COALESCE(MAX(id), 0) AS mark FROM task_events").get().mark;
}
var FIELD_OF_EVENT = {
  title: "title",
  status: "status",
  task_type: "type",
  assigned_agent: "agent",
  "context.blocked_reason": "reason",
  parent_task_id: "parent"
};
function storeChangesSince(store, repoId, mark) {
  const rows = store.prepare(
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
function homelessTasks(store, repoId) {
  return store.prepare("SELECT id FROM tasks t WHERE repo_id = ? AND NOT EXISTS (SELECT 1 FROM sync_homes h WHERE h.task_id = t.id) ORDER BY position, created_at, id").all(repoId).map((r) => r.id);
}
function homeOf(store, taskId) {
  return store.prepare("SELECT base_id FROM sync_homes WHERE task_id = ?").get(taskId)?.base_id;
}
function setHomes(store, baseId, taskIds) {
  const insert2 = store.prepare("INSERT OR IGNORE INTO sync_homes (task_id, base_id) VALUES (?, ?)");
  for (const id of taskIds) insert2.run(id, baseId);
}
function recordResolution(store, taskId, field, lost, kept, rule, source = "merge") {
  const encode = (v) => v === null || v === void 0 ? null : typeof v === "string" ? v : JSON.stringify(v);
  store.prepare("INSERT INTO task_events (task_id, field, old_value, new_value, source, at, note) VALUES (?, ?, ?, ?, ?, ?, ?)").run(taskId, field, encode(lost), encode(kept), source, store.now(), rule);
}

// src/sync/engine.ts
var import_node_fs5 = require("node:fs");
var import_node_path6 = require("node:path");

// src/model/ids.ts
var import_node_module = require("node:module");
var ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
var LENGTH = 7;
var TASK_ID_PATTERN = /^t-[0-9a-hjkmnp-tv-z]{4,12}$/;
function newTaskId() {
  const { randomBytes } = (0, import_node_module.createRequire)(__import_meta_url)("node:crypto");
  const bytes = randomBytes(LENGTH);
  let id = "t-";
  for (const byte of bytes) id += ALPHABET[byte & 31];
  return id;
}
function isTaskId(value) {
  return TASK_ID_PATTERN.test(value);
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
var TERMINAL_STATUSES = ["completed", "cancelled"];
function isTerminal(status) {
  return TERMINAL_STATUSES.includes(status);
}
function isStatus(value) {
  return typeof value === "string" && STATUSES.includes(value);
}
function isTaskType(value) {
  return typeof value === "string" && TASK_TYPES.includes(value);
}

// src/sync/head.ts
var import_node_fs3 = require("node:fs");
var import_node_path4 = require("node:path");

// src/project/locate.ts
var import_node_fs2 = require("node:fs");
var import_node_path3 = require("node:path");
function commonDirOf(gitDir) {
  const file = (0, import_node_path3.join)(gitDir, "commondir");
  if (!(0, import_node_fs2.existsSync)(file)) return gitDir;
  return (0, import_node_path3.resolve)(gitDir, (0, import_node_fs2.readFileSync)(file, "utf8").trim());
}

// src/sync/head.ts
var NO_GIT = { branch: "HEAD", commit: null };
function readHead(gitDir) {
  if (!gitDir) return NO_GIT;
  const head = (0, import_node_fs3.readFileSync)((0, import_node_path4.join)(gitDir, "HEAD"), "utf8").trim();
  const ref = /^ref:\s*(\S+)$/.exec(head)?.[1];
  if (!ref) return { branch: "HEAD", commit: head };
  return { branch: ref, commit: resolveRef(commonDirOf(gitDir), ref) };
}
function resolveRef(commonDir, ref) {
  try {
    return (0, import_node_fs3.readFileSync)((0, import_node_path4.join)(commonDir, ref), "utf8").trim();
  } catch {
    try {
      const packed = (0, import_node_fs3.readFileSync)((0, import_node_path4.join)(commonDir, "packed-refs"), "utf8");
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
function countNewlines(text) {
  let count = 0;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) count++;
  return count;
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
function columnsOf(text, from = 0) {
  let column = from;
  for (const char of text) column = char === "	" ? column + 4 - column % 4 : column + 1;
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
var WORD_STATUS = new Map(Object.entries(STATUS_WORD).map(([status, word]) => [word, status]));
function markerFor(status, profile) {
  return (profile === "gfm" ? GFM_MARKER : CANONICAL_MARKER)[status];
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
function readTail(text, from, to) {
  const tail = { titleEnd: to, id: null, meta: {}, status: void 0, stop: false, elements: 0 };
  const seen = /* @__PURE__ */ new Set();
  for (; ; ) {
    const rest = text.slice(from, tail.titleEnd);
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
      const status = WORD_STATUS.get(value);
      if (status === void 0) return tail;
      tail.status = status;
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
  const text = source.slice(bullet, lineEnd);
  const start = TASK_START.exec(text);
  if (!start) return null;
  const markerChar = start[1];
  const marked = MARKER_STATUS[markerChar];
  if (marked === void 0) return null;
  let to = text.length;
  while (to > 0 && /[ \t\r]/.test(text[to - 1])) to--;
  const from = start[0].length;
  const tail = readTail(text, from, to);
  return {
    marker: bullet + start[0].indexOf("["),
    markerChar,
    status: refine(marked, tail.status),
    titleStart: bullet + from,
    titleEnd: bullet + tail.titleEnd,
    tailEnd: bullet + to,
    title: text.slice(from, tail.titleEnd),
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
function formatTail(title, status, meta, id, profile) {
  let tail = needsStop(title) ? ` ${STOP}` : "";
  if (profile === "gfm" && status !== "pending" && status !== "completed") tail += ` [status:: ${STATUS_WORD[status]}]`;
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
function reread(text, textStart, task) {
  const read = readTaskLine(text, task.bullet - textStart);
  if (!read) throw new Error(`tasktrail bug: the line written for task ${task.id ?? task.line} is not a task line.`);
  const { title, id, meta, status } = read;
  const [marker, titleStart, titleEnd, tailEnd] = [read.marker, read.titleStart, read.titleEnd, read.tailEnd].map((offset) => offset + textStart);
  return { ...task, marker, titleStart, titleEnd, tailEnd, title, id, meta, status };
}
function sameMeta(a, b) {
  return a.type === b.type && a.agent === b.agent && a.reason === b.reason;
}
function replaceInLine(state, index, from, to, text) {
  const { source, parsed } = state;
  const result = source.slice(0, from) + text + source.slice(to);
  const delta = text.length - (to - from);
  const tasks = parsed.tasks.slice();
  const edited = parsed.tasks[index];
  const lineEnd = source.indexOf("\n", to);
  const line = source.slice(edited.start, from) + text + source.slice(to, lineEnd === -1 ? source.length : lineEnd);
  tasks[index] = reread(line, edited.start, { ...edited, end: edited.end + delta });
  if (delta !== 0) {
    for (let k = index + 1; k < tasks.length; k++) tasks[k] = shiftedTask(tasks[k], delta, 0);
    for (let k = edited.parent; k !== null; k = tasks[k].parent) {
      const above = tasks[k];
      tasks[k] = { ...above, end: above.end + delta };
    }
  }
  const blocks = parsed.blocks.map((block) => {
    if (block.end < from || block.end === from && from < source.length) return block;
    if (block.start > from) return delta === 0 ? block : { ...block, start: block.start + delta, end: block.end + delta };
    return { ...block, end: block.end + delta, hash: hashText(source.slice(block.start, from) + text + source.slice(to, block.end)) };
  });
  return { ...state, source: result, parsed: { ...parsed, tasks, blocks, length: result.length } };
}
function rewriteTask(state, index, change) {
  const { source, parsed } = state;
  const task = parsed.tasks[index];
  const status = change.status ?? task.status;
  const title = change.title ?? task.title;
  const meta = change.meta ?? task.meta;
  if (status === task.status && title === task.title && sameMeta(meta, task.meta)) return state;
  const read = readTaskLine(source, task.bullet);
  if (!read) throw new Error(`tasktrail bug: task ${task.id} does not start a task line.`);
  const gap = source.slice(task.marker + 3, task.titleStart);
  const statusChanged = status !== task.status;
  const tailChanges = !sameMeta(meta, task.meta) || title !== task.title && needsStop(title) && !read.stop || statusChanged && (parsed.profile === "gfm" || read.statusToken);
  if (tailChanges) {
    const line = `[${markerFor(status, parsed.profile)}]${gap}${title}${formatTail(title, status, meta, task.id, parsed.profile)}`;
    return replaceInLine(state, index, task.marker, task.tailEnd, line);
  }
  const marker = statusChanged ? markerFor(status, parsed.profile) : read.markerChar;
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
  const byStart = new Map(parsed.blocks.map((block) => [block.start, block]));
  return splitBlocks(source, parsed.bom ? 1 : 0).map((span) => {
    let old;
    if (span.end <= editStart) old = byStart.get(span.start);
    else if (span.start >= newEditEnd) old = byStart.get(span.start - delta);
    const same = old !== void 0 && old.end - old.start === span.end - span.start && (span.end <= editStart || old.start >= oldEditEnd);
    return { ...span, hash: same ? old.hash : hashText(source.slice(span.start, span.end)) };
  });
}
function lineAt(parsed, source, offset) {
  const block = parsed.blocks.find((candidate) => offset >= candidate.start && offset <= candidate.end);
  return block ? block.line + countNewlines(source.slice(block.start, offset)) : 1;
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
  let start = task.start;
  let end = task.end;
  if (end === source.length && !source.endsWith("\n")) {
    start = endOfContentBefore(source, start, from);
    if (start > from) start -= source[start - 2] === "\r" ? 2 : 1;
  } else if (start === from || BLANK_LINE.test(source.slice(source.lastIndexOf("\n", start - 2) + 1, start - 1))) {
    end = skipBlankLines(source, end);
  }
  const result = source.slice(0, start) + source.slice(end);
  const delta = end - start;
  const lines = countNewlines(source.slice(start, end));
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
      end: old.end > end ? old.end - delta : old.end > start ? endOfContentBefore(result, start, from) : old.end
    });
  }
  const next = {
    ...parsed,
    tasks: withOrders(tasks),
    length: result.length,
    eol: eolOf(result),
    finalNewline: result.endsWith("\n"),
    blocks: rebuildBlocks(parsed, result, start, end, start)
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
function blankBetween(source, start, end) {
  return start < end && /^(?:[ \t>]*\r?\n)+$/.test(source.slice(start, end));
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
  for (const [step, count] of counts) if (best === void 0 || count > counts.get(best)) best = step;
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
  let text = place.lead;
  for (const [k, line] of lines.entries()) {
    lineStarts.push(place.at + text.length);
    text += line + (k < lines.length - 1 ? eol : "");
  }
  text += place.trail;
  const lineEnd = (k) => Math.min(place.at + text.length, lineStarts[k] + lines[k].length + eol.length);
  const at = place.at;
  const result = source.slice(0, at) + text + source.slice(at);
  const delta = text.length;
  const addedLines = countNewlines(text);
  const count = fragment.tasks.length;
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
      parent: old.parent === null || old.parent < position ? old.parent : old.parent + count,
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
    const start = lineStarts[piece.line];
    const bullet = piece.line === 0 ? start + place.prefix.length : start + lines[piece.line].length - piece.fromEnd;
    const blank = {
      id: null,
      title: "",
      status: "pending",
      meta: {},
      parent: piece.parent === null ? parent : position + piece.parent,
      order: 0,
      depth: depth + piece.depth,
      line: firstLine + piece.line,
      start,
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
  const add = (task, depth) => {
    if (!isTaskId(task.id) || seen.has(task.id)) {
      throw new Error(`Cannot render task ${JSON.stringify(task.id)}: ids must be valid task ids and unique. Nothing was written.`);
    }
    seen.add(task.id);
    lines.push(`${"  ".repeat(depth)}- ${formatTaskText(task, profile)}`);
    for (const child of task.children ?? []) add(child, depth + 1);
  };
  for (const task of tasks) add(task, 0);
  const parts = [(options.header ?? DEFAULT_HEADER).trimEnd(), profile === "gfm" ? GFM_PROFILE_LINE : "", lines.join("\n")];
  const text = parts.filter((part) => part !== "").join("\n\n");
  return text === "" ? "" : `${text}
`;
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
function settle(field, file, store) {
  if (field === "status") return { value: furtherStatus(file.status, store.status), rule: RULES.status };
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
    const store = input.storeTask(line.id);
    if (!store) {
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
      if (line[field] === store[field]) continue;
      const fileChanged = base === void 0 || line[field] !== base[field];
      const storeChanged = base === void 0 || change?.fields.has(field) === true && store[field] !== base[field];
      if (fileChanged && !storeChanged) toStoreChanges[field] = line[field];
      else if (storeChanged && !fileChanged) toFileChanges[field] = store[field];
      else if (fileChanged && storeChanged) {
        const { value, rule } = settle(field, line, store);
        const lost = value === line[field] ? store[field] : line[field];
        conflicts.push({ taskId: line.id, field, rule, kept: value, lost });
        if (value !== store[field]) toStoreChanges[field] = value;
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
    const store = input.storeTask(id);
    if (!store) continue;
    const change = input.storeChanges.get(id);
    if (change && LINE_FIELDS.some((f) => change.fields.has(f) && store[f] !== base[f])) {
      conflicts.push({ taskId: id, field: "removed", rule: RULES.removed, kept: null, lost: store.title });
    }
    toStore.push({ kind: "lineRemoved", id });
  }
  const inserts = [];
  for (const [id, change] of input.storeChanges) {
    if (inFile.has(id) || input.base.has(id)) continue;
    const store = input.storeTask(id);
    if (!store || !input.belongsHere(id)) continue;
    const reopened = change.fields.has("status") && !isTerminal(store.status);
    if (change.created || reopened) inserts.push(store);
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
var import_node_fs4 = require("node:fs");
var import_node_path5 = require("node:path");
var PROGRESS_DIR = (0, import_node_path5.join)(".tasktrail", "tasks");
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
function parsesAsJson(text) {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
function encodeValue2(value) {
  if (typeof value === "string" && value !== "" && value.trim() === value && !/[\r\n]/.test(value) && !parsesAsJson(value)) return value;
  return JSON.stringify(value);
}
function decodeValue2(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
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
function parseProgress(id, text) {
  const record = { id, title: id, task_context: {} };
  let section = "";
  for (const line of text.split(/\r?\n/)) {
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
  const text = readText((0, import_node_path5.join)(root, PROGRESS_DIR, `${id}.md`));
  return text === null ? void 0 : parseProgress(id, text);
}
function writeProgressFiles(store, root, ids) {
  const dir = (0, import_node_path5.join)(root, PROGRESS_DIR);
  let made = false;
  for (const id of ids) {
    const path = (0, import_node_path5.join)(dir, `${id}.md`);
    const task = store.getTask(id);
    if (!task) {
      (0, import_node_fs4.rmSync)(path, { force: true });
      continue;
    }
    const text = renderProgress(task);
    if (readText(path) === text) continue;
    if (!made) (0, import_node_fs4.mkdirSync)(dir, { recursive: true });
    made = true;
    const temp = `${path}.tmp-${process.pid}`;
    (0, import_node_fs4.writeFileSync)(temp, text);
    (0, import_node_fs4.renameSync)(temp, path);
  }
}
function restoreFromProgress(store, repo, root) {
  let names;
  try {
    names = (0, import_node_fs4.readdirSync)((0, import_node_path5.join)(root, PROGRESS_DIR)).filter((n) => n.endsWith(".md"));
  } catch {
    return [];
  }
  const records = names.map((name) => name.slice(0, -3)).filter((id) => store.getTask(id) === void 0).map((id) => readProgress(root, id));
  const restored = [];
  const known = (id) => !id || store.getTask(id) !== void 0;
  for (let pending = records; pending.length; ) {
    const ready = pending.filter((r) => known(r.parent_task_id) || !pending.some((p) => p.id === r.parent_task_id));
    for (const record of ready) {
      store.createTask(repo.id, { ...record, parent_task_id: known(record.parent_task_id) ? record.parent_task_id ?? null : null }, "file", `restored from ${PROGRESS_DIR}`);
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
  for (let dir = __dirname; ; dir = (0, import_node_path6.dirname)(dir)) {
    const file = (0, import_node_path6.join)(dir, "templates", TASKS_FILE);
    if ((0, import_node_fs5.existsSync)(file)) return template = (0, import_node_fs5.readFileSync)(file, "utf8");
    if ((0, import_node_path6.dirname)(dir) === dir) throw new Error("templates/TASKS.md is missing from the tasktrail package; reinstall tasktrail");
  }
}
var refusal = (refused) => ({ imported: 0, written: 0, conflicts: [], refused });
function syncInLock(context, parser, options) {
  const { store, project, repo } = context;
  if (project.kind === "home") return { imported: 0, written: 0, conflicts: [] };
  const path = (0, import_node_path6.join)(project.root, TASKS_FILE);
  const text = readText(path);
  const hash = text === null ? null : contentHash(text);
  const head = readHead(project.gitDir);
  const base = findBase(store, project.root, head.branch);
  const changes = base ? storeChangesSince(store, repo.id, base.event_mark) : new Map(homelessTasks(store, repo.id).map((id) => [id, { fields: /* @__PURE__ */ new Set(), created: true, deleted: false }]));
  if (base && hash === base.file_hash) {
    if (changes.size === 0) return { imported: 0, written: 0, conflicts: [] };
    if (![...changes.values()].some(touchesFile)) {
      writeProgressFiles(store, project.root, [...changes.keys()].filter((id) => text.includes(id)));
      advanceBase(store, base.id, head.commit, eventMark(store));
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
    for (const id of [...baseMembers(store, base), ...homelessTasks(store, repo.id)]) changes.set(id, { fields: /* @__PURE__ */ new Set(), created: true, deleted: false });
  };
  const force = options.force === true;
  if (text === null) {
    if (base?.file_hash && !force) {
      return refusal(`${path} is missing; the store keeps its tasks and nothing was written. Restore it (git checkout -- ${TASKS_FILE}) or write it again from the store: tasktrail sync --force`);
    }
    if (changes.size === 0 && !base?.file_hash) return { imported: 0, written: 0, conflicts: [] };
    rebuild();
  } else if (hasConflictMarkers(text) !== null) {
    if (!force) {
      return refusal(`${path} has git conflict markers (line ${hasConflictMarkers(text)}); nothing was synced. Resolve the conflict and run tasktrail sync, or replace the file with the store's tasks: tasktrail sync --force (the file is kept as ${TASKS_FILE}.orig)`);
    }
    keepCopy(path, text);
    rebuild();
  } else if (base && hash === base.file_hash) {
    source = text;
    parsed = baseParsed(store, base);
    baseLines = linesOf(parsed);
  } else {
    if (!parser) throw new ParserNeeded();
    const previous = base ? baseParsed(store, base) : void 0;
    let read;
    try {
      read = parser.parse(text, previous);
    } catch (error) {
      if (!isMarkdownRefusal(error)) throw error;
      if (!force) {
        return refusal(`${path} cannot be read as a task list: ${error.message} To replace it with the store's tasks instead: tasktrail sync --force (the file is kept as ${TASKS_FILE}.orig)`);
      }
    }
    if (read) {
      source = text;
      parsed = read;
      baseLines = linesOf(previous ?? read);
      if (base && !force) {
        const refused = massRemoval(baseLines, read, path);
        if (refused) return refusal(refused);
      }
    } else {
      keepCopy(path, text);
      rebuild();
    }
  }
  const plan = planSync({
    base: baseLines,
    file: fileTasks(parsed),
    storeChanges: changes,
    storeTask: (id) => {
      const task = store.getTask(id);
      return task && lineOfTask(task);
    },
    belongsHere: (id) => {
      const home = homeOf(store, id);
      return home === void 0 || home === base?.id;
    },
    newId: newTaskId
  });
  const markBeforeApply = eventMark(store);
  const imported = applyToStore(context, plan.toStore) + (base ? 0 : restoreFromProgress(store, repo, project.root).length + adoptLines(store, repo, parsed));
  for (const c of plan.conflicts) recordResolution(store, c.taskId, c.field, c.lost, c.kept, c.rule);
  const edits = [...plan.toFile, ...rolledUp(store, markBeforeApply, plan.fileIds, plan.toFile)];
  let written = source;
  let writtenParsed = parsed;
  if (edits.length) {
    ;
    ({ source: written, parsed: writtenParsed } = fromTemplate ? renderNewFile(parser, source, edits) : applyEdits(source, parsed, edits));
  }
  if (written !== text) replaceIfUnchanged(path, written, text);
  writeProgressFiles(store, project.root, progressTouched(plan.toStore, changes, new Set(plan.fileIds)));
  const newHash = written === text ? hash : contentHash(written);
  const baseId = saveBase(store, {
    repoId: repo.id,
    root: project.root,
    branch: head.branch,
    head: head.commit,
    fileHash: newHash,
    parsed: writtenParsed,
    eventMark: eventMark(store)
  });
  const homed = base ? [...plan.toStore.flatMap((op) => op.kind === "create" ? [op.line.id] : []), ...edits.flatMap((e) => e.kind === "insert" ? [e.task.id] : [])] : plan.fileIds;
  setHomes(store, baseId, homed);
  return {
    imported,
    written: edits.filter((e) => e.kind !== "assignId").length,
    conflicts: plan.conflicts.map(({ taskId, field, rule }) => ({ taskId, field, rule }))
  };
}
function adoptLines(store, repo, parsed) {
  let adopted = 0;
  for (const line of parsed.tasks) {
    if (line.id === null || store.getTask(line.id)) continue;
    const parent = line.parent === null ? null : parsed.tasks[line.parent].id;
    store.createTask(repo.id, {
      id: line.id,
      title: line.title,
      status: line.status,
      parent_task_id: parent && store.getTask(parent) ? parent : null,
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
function baseMembers(store, base) {
  if (!base) return [];
  const homed = store.prepare("SELECT task_id FROM sync_homes WHERE base_id = ?").all(base.id).map((r) => r.task_id);
  const shown = linesOf(baseParsed(store, base)).keys();
  return [.../* @__PURE__ */ new Set([...shown, ...homed])].filter((id) => store.getTask(id) !== void 0);
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
function keepCopy(path, text) {
  (0, import_node_fs5.writeFileSync)(`${path}.orig`, text);
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
  const { store, repo, project } = context;
  let imported = 0;
  for (const op of ops) {
    if (op.kind === "create") {
      const { line } = op;
      const details = readProgress(project.root, line.id);
      store.createTask(repo.id, {
        ...details,
        id: line.id,
        title: line.title,
        status: line.status,
        task_type: line.type,
        assigned_agent: line.agent,
        parent_task_id: line.parent,
        position: op.position,
        task_context: { ...details?.task_context, ...line.reason ? { blocked_reason: line.reason } : {} },
        client: details?.client ?? repo.client,
        project: details?.project ?? repo.project
      }, "file", "added in TASKS.md");
      imported++;
    } else if (op.kind === "update") {
      const { status, reason, title, type, agent, parent } = op.changes;
      store.updateTask(op.id, { title, task_type: type, assigned_agent: agent, parent_task_id: parent }, "file", "edited in TASKS.md");
      if (status !== void 0) store.setStatus(op.id, status, "file", { reason: reason ?? void 0, note: "edited in TASKS.md" });
      else if (reason !== void 0) store.updateContext(op.id, { blocked_reason: reason }, "file", "edited in TASKS.md");
      imported++;
    } else if (op.kind === "lineRemoved") {
      const task = store.getTask(op.id);
      if (task && !isTerminal(task.status)) {
        store.setStatus(op.id, "cancelled", "file", { note: "line removed from TASKS.md; tasktrail reopen brings it back" });
        imported++;
      }
    } else {
      op.ids.forEach((id, position) => store.updateTask(id, { position }, "file"));
    }
  }
  return imported;
}
function rolledUp(store, mark, shown, planned) {
  const rows = store.prepare(`SELECT DISTINCT task_id FROM task_events WHERE id > ? AND field = 'status' AND note LIKE 'roll-up%'`).all(mark);
  const inFile = new Set(shown);
  const edits = [];
  for (const { task_id } of rows) {
    const task = store.getTask(task_id);
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
var import_node_path7 = require("node:path");
var ATTEMPTS = 8;
async function syncProject(store, project, repo, options = {}) {
  return (await withProjectSync(store, project, repo, () => void 0, options)).report;
}
async function withProjectSync(store, project, repo, change, options = {}) {
  let parser = needsParser(store, project) ? await loadParser() : null;
  for (let attempt = 1; ; attempt++) {
    try {
      return store.transaction(() => {
        const result = change();
        return { result, report: syncOrRefuse(() => syncInLock({ store, project, repo }, parser, options)) };
      });
    } catch (error) {
      const name = error?.name;
      if (name === "ParserNeeded") parser = await loadParser();
      else if (name !== "FileChangedDuringSync" || attempt >= ATTEMPTS) throw error;
    }
  }
}
function syncOrRefuse(sync) {
  try {
    return sync();
  } catch (error) {
    if (error?.name !== "UnsafeFile") throw error;
    return { imported: 0, written: 0, conflicts: [], refused: error.message };
  }
}
function needsParser(store, project) {
  if (project.kind === "home") return false;
  let text;
  try {
    text = readText((0, import_node_path7.join)(project.root, TASKS_FILE));
  } catch (error) {
    if (error?.name === "UnsafeFile") return false;
    throw error;
  }
  if (text === null) return false;
  const base = findBase(store, project.root, readHead(project.gitDir).branch);
  return !base || base.file_hash !== contentHash(text);
}

// src/sync/watch.ts
var SETTLE_MS = 30;
var RECHECK_MS = 250;
async function watchProject(store, project, repo, options) {
  const path = (0, import_node_path8.join)(project.root, TASKS_FILE);
  let refusedText;
  const needsSync = (text) => {
    const base = findBase(store, project.root, readHead(project.gitDir).branch);
    const upToDate = base !== void 0 && (text === null ? null : contentHash(text)) === base.file_hash;
    return !upToDate && text !== refusedText;
  };
  let timer;
  let recheck;
  let running = Promise.resolve();
  const run = () => {
    running = running.then(async () => {
      const text = readText(path);
      if (options.signal.aborted || !needsSync(text)) return;
      try {
        const report = await syncProject(store, project, repo, { source: "file" });
        refusedText = report.refused ? text : void 0;
        options.log(options.describe(report));
      } catch (error) {
        options.log(`sync failed: ${error.message}; the watch goes on`);
      }
      clearTimeout(recheck);
      recheck = setTimeout(run, RECHECK_MS);
    });
  };
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(run, SETTLE_MS);
  };
  const watcher = watch(project.root, {
    depth: 0,
    ignoreInitial: true,
    ignored: (file) => file !== project.root && (0, import_node_path8.basename)(file) !== TASKS_FILE
  });
  watcher.on("add", changed).on("change", changed).on("unlink", changed);
  await new Promise((resolve4) => watcher.once("ready", () => resolve4()));
  run();
  options.onReady?.();
  await new Promise((resolve4) => {
    if (options.signal.aborted) resolve4();
    options.signal.addEventListener("abort", () => resolve4(), { once: true });
  });
  clearTimeout(timer);
  clearTimeout(recheck);
  await watcher.close();
  await running;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  watchProject
});
