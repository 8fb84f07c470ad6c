#!/usr/bin/env node
import '../dist/tasktrail.js'
