// Preloaded with `node --require` by tests/kit/batch-process.test.ts: when the process exits, writes the packages
// its main thread loaded through require (CommonJS, which is how exceljs and docx load) as the last line of stderr.
process.on('exit', () => {
  const names = new Set(
    Object.keys(require.cache).flatMap((k) =>
      k.includes('node_modules')
        ? [
            k
              .split(/node_modules[\\/]/)
              .pop()
              .split(/[\\/]/)[0],
          ]
        : [],
    ),
  );
  process.stderr.write(`\n主线程载入的包：${[...names].sort().join(' ')}\n`);
});
