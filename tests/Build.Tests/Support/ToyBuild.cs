namespace Pipeline.Build.Tests.Support;

/// <summary>A build with a few targets that record their runs; behaviour switches through properties.</summary>
internal sealed class ToyBuild : BuildBase
{
    public List<string> Ran { get; } = [];

    public string? FailIn { get; set; }

    public bool SkipDeploy { get; set; }

    public Func<TargetContext, Task>? TestWork { get; set; }

    [Parameter("A name.")]
    public string Name { get; set; } = "default-name";

    [Parameter("A count.", Minimum = 1)]
    public int Count { get; set; } = 3;

    [Parameter("An optional number.")]
    public int? Limit { get; set; }

    [Parameter("A switch.")]
    public bool Verbose { get; set; }

    [Parameter("A list.")]
    public string[] Items { get; set; } = [];

    [Parameter("A mode.")]
    public ToyMode Mode { get; set; } = ToyMode.Fast;

    [Parameter("A token.", Secret = true)]
    public string? Token { get; set; }

    public Target Restore => _ => _.Description("restore").Executes(Record);

    public Target Compile => _ => _.DependsOn(Restore).Executes(Record);

    public Target Test => _ => _.DependsOn(Compile).Executes(c => TestWork is null ? Record(c) : TestWork(c));

    public Target Lint => _ => _.After(Compile).Before(Test).Executes(Record);

    public Target Pack => _ => _.DependsOn(Compile).After(Test).Executes(Record);

    public Target Docs => _ => _.Executes(Record);

    public Target Deploy => _ => _.DependsOn(Pack).Requires(nameof(Token)).OnlyWhen(() => !SkipDeploy, "deploys are off").Executes(Record);

    private Task Record(TargetContext context)
    {
        if (context.Name == FailIn)
        {
            throw new BuildException($"{context.Name} broke");
        }

        Ran.Add(context.Name);
        context.Note("ran " + context.Name);
        return Task.CompletedTask;
    }
}
