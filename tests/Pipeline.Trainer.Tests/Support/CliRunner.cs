namespace Pipeline.Trainer.Tests.Support;

/// <summary>Runs the <c>pipeline</c> command line in-process and captures its exit code, console and error output.</summary>
internal static class CliRunner
{
    public static (int Code, string Console, string Error) Run(params string[] args)
    {
        var console = new TestConsole().Width(400);
        var error = new StringWriter();
        var code = PipelineCli.Run(args, console, new StringWriter(), error);
        return (code, console.Output, error.ToString());
    }
}
