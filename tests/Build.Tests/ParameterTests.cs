namespace Pipeline.Build.Tests;

public sealed class ParameterTests : TempDirTest
{
    [Fact]
    public void Command_line_beats_environment_beats_parameters_json_beats_default()
    {
        var file = Dir.File(".nuke/parameters.json", """{ "$schema": "./build.schema.json", "Name": "from-file", "Count": 7, "Limit": 9, "Items": ["x", "y"] }""");
        var env = new Dictionary<string, string> { ["NAME"] = "from-env", ["COUNT"] = "5" };
        var build = new ToyBuild();
        var sources = ParameterBinder.Bind(build, CommandLine.Parse(["--name", "from-cli"]), env, file);
        Assert.Equal("from-cli", build.Name);
        Assert.Equal(5, build.Count);
        Assert.Equal(9, build.Limit);
        Assert.Equal(["x", "y"], build.Items);
        Assert.Equal(ToyMode.Fast, build.Mode);
        Assert.Equal("command line", sources["Name"]);
        Assert.Equal("environment variable COUNT", sources["Count"]);
        Assert.Equal("parameters.json", sources["Limit"]);
        Assert.Equal("default", sources["Mode"]);
    }

    [Fact]
    public void Values_are_typed_and_names_match_in_any_spelling()
    {
        var build = new ToyBuild();
        var env = new Dictionary<string, string> { ["items"] = "a,b c" };
        ParameterBinder.Bind(build, CommandLine.Parse(["--COUNT=4", "--verbose", "--mode", "thorough", "--Limit", "2"]), env, null);
        Assert.Equal(4, build.Count);
        Assert.True(build.Verbose);
        Assert.Equal(ToyMode.Thorough, build.Mode);
        Assert.Equal(2, build.Limit);
        Assert.Equal(["a", "b", "c"], build.Items);

        build = new ToyBuild();
        ParameterBinder.Bind(build, CommandLine.Parse(["--items", "p", "q,r", "--verbose", "false"]), new Dictionary<string, string>(), null);
        Assert.Equal(["p", "q", "r"], build.Items);
        Assert.False(build.Verbose);
    }

    [Theory]
    [InlineData(new[] { "--count", "many" }, "--count is 'many' (from the command line); expected a whole number")]
    [InlineData(new[] { "--count", "0" }, "--count is 0 (from command line); it must be at least 1")]
    [InlineData(new[] { "--mode", "slow" }, "expected one of Fast, Thorough")]
    [InlineData(new[] { "--verbose", "maybe" }, "expected true or false")]
    [InlineData(new[] { "--name", "a", "b" }, "takes one value, got 2")]
    [InlineData(new[] { "--colour", "red" }, "Unknown option --colour")]
    [InlineData(new[] { "--name", "a", "--name", "b" }, "is given twice")]
    public void Bad_values_are_clear_errors(string[] args, string message)
    {
        var error = Assert.Throws<BuildException>(() =>
            ParameterBinder.Bind(new ToyBuild(), CommandLine.Parse(args), new Dictionary<string, string>(), null));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_name_the_environment_variable_or_file_the_value_came_from()
    {
        var env = new Dictionary<string, string> { ["COUNT"] = "x" };
        var error = Assert.Throws<BuildException>(() => ParameterBinder.Bind(new ToyBuild(), CommandLine.Parse([]), env, null));
        Assert.Contains("from environment variable COUNT", error.Message, StringComparison.Ordinal);

        var file = Dir.File("p.json", """{ "Count": "x" }""");
        error = Assert.Throws<BuildException>(() => ParameterBinder.Bind(new ToyBuild(), CommandLine.Parse([]), new Dictionary<string, string>(), file));
        Assert.Contains($"from 'Count' in {file}", error.Message, StringComparison.Ordinal);

        file = Dir.File("q.json", "{ \"Count\": ");
        error = Assert.Throws<BuildException>(() => ParameterBinder.Bind(new ToyBuild(), CommandLine.Parse([]), new Dictionary<string, string>(), file));
        Assert.Contains("is not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_keys_of_parameters_json_warn_with_the_nearest_parameter()
    {
        var file = Dir.File("p.json", """{ "$schema": "./build.schema.json", "Nmae": "x", "Count": 4, "Cuont": 5 }""");
        var warnings = new StringWriter();
        var build = new ToyBuild();

        ParameterBinder.Bind(build, CommandLine.Parse([]), new Dictionary<string, string>(), file, warnings);

        Assert.Equal(4, build.Count);
        Assert.Equal("default-name", build.Name);
        var lines = warnings.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("warning W032:", StringComparison.Ordinal) && l.Contains("'Nmae'", StringComparison.Ordinal) && l.Contains("Did you mean 'Name'?", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("'Cuont'", StringComparison.Ordinal) && l.Contains("Did you mean 'Count'?", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_parameters_json_that_is_not_a_regular_file_or_too_large_is_refused()
    {
        var fifo = System.IO.Path.Combine(Dir.Path, "fifo.json");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
        }

        var bind = Task.Run(() => Assert.Throws<BuildException>(() => ParameterBinder.Bind(new ToyBuild(), CommandLine.Parse([]), new Dictionary<string, string>(), fifo)));
        // A hang guard, not a timing assertion: a reader that opens the FIFO blocks forever.
        var refused = await bind.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Contains("[E160]", refused.Message, StringComparison.Ordinal);

        var big = System.IO.Path.Combine(Dir.Path, "big.json");
        using (var stream = System.IO.File.Create(big))
        {
            stream.SetLength(1L << 30);
        }

        var error = Assert.Throws<BuildException>(() => ParameterBinder.Bind(new ToyBuild(), CommandLine.Parse([]), new Dictionary<string, string>(), big));
        Assert.Contains("[E161]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_are_refused_in_parameters_json()
    {
        // Not hex: the temporary folder in the message is, and once held "abc".
        var file = Dir.File("p.json", """{ "Token": "token-value-xyz" }""");
        var error = Assert.Throws<BuildException>(() => ParameterBinder.Bind(new ToyBuild(), CommandLine.Parse([]), new Dictionary<string, string>(), file));
        Assert.Contains("secret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("token-value-xyz", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Option_and_environment_names_come_from_the_property_name()
    {
        var parameters = ParameterBinder.Describe(typeof(Build)).ToDictionary(p => p.Name);
        Assert.Equal("--api-key", parameters["ApiKey"].Option);
        Assert.Equal("API_KEY", parameters["ApiKey"].EnvironmentVariable);
        Assert.Equal("--n-sents", parameters["NSents"].Option);
        Assert.Equal("N_SENTS", parameters["NSents"].EnvironmentVariable);
        var build = new Build();
        ParameterBinder.Bind(build, CommandLine.Parse([]), new Dictionary<string, string> { ["API_KEY"] = "k", ["NSENTS"] = "10" }, null);
        Assert.Equal("k", build.ApiKey);
        Assert.Equal(10, build.NSents);
    }
}
