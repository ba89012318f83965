#!/usr/bin/env node
console.log('vnetlab: under construction');
