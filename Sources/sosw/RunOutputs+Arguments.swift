import ArgumentParser
import SoswReports

/// `--events full|none` parses straight into the outputs' choice.
extension RunOutputs.Events: ExpressibleByArgument {}
