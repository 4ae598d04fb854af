// The baseline of the bundled `--help`: node starting one empty plain-JavaScript module.
