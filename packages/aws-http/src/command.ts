/** One call of a client: its input, and (as a type only) its output, which `send` returns. */
export abstract class AwsCommand<Input extends object, Output> {
  /** The output's type, for `send` to return; never set. */
  declare readonly output: Output
  readonly input: Input
  constructor(input: Input) {
    this.input = input
  }
}
