using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Pipeline.Build.Engine;

/// <summary>
/// Binds the build's parameters: the command line first, then environment variables, then
/// <c>.nuke/parameters.json</c>; a parameter found nowhere keeps its initializer. Values are converted to the
/// property's type and checked; every error names the parameter, where the value came from, and what is expected.
/// </summary>
public static class ParameterBinder
{
    /// <summary>The parameters declared on <paramref name="buildType"/> (properties with <see cref="ParameterAttribute"/>), in declaration order.</summary>
    public static IReadOnlyList<ParameterDescriptor> Describe(Type buildType) =>
        buildType.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<ParameterAttribute>()))
            .Where(p => p.Attribute is not null)
            .OrderBy(p => p.Property.MetadataToken)
            .Select(p => new ParameterDescriptor(p.Property, p.Attribute!))
            .ToList();

    /// <summary>
    /// Binds every parameter of <paramref name="build"/> and returns where each value came from
    /// ("command line", "environment variable X", "parameters.json", "default"). A key of the parameters file that
    /// names no parameter is ignored with warning W032 (naming the nearest parameter) on <paramref name="warnings"/>
    /// (default: standard error).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Bind(
        object build, CommandLine commandLine, IReadOnlyDictionary<string, string> environment, string? parametersFile,
        TextWriter? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(commandLine);
        ArgumentNullException.ThrowIfNull(environment);
        var parameters = Describe(build.GetType());
        var byKey = parameters.ToDictionary(p => CommandLine.Normalize(p.Name), StringComparer.Ordinal);
        var unknown = commandLine.Values.Keys.Where(k => !byKey.ContainsKey(k)).ToList();
        if (unknown.Count > 0)
        {
            var option = commandLine.Values[unknown[0]].Option;
            throw new BuildException($"Unknown option {option}. Known parameters: {string.Join(", ", parameters.Select(p => p.Option))}; see --help.");
        }

        var env = new Dictionary<string, (string Name, string Value)>(StringComparer.Ordinal);
        foreach (var (name, value) in environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            env.TryAdd(CommandLine.Normalize(name), (name, value));
        }

        var file = ReadParametersFile(parametersFile, out var written);
        foreach (var (key, name) in written.Where(k => !byKey.ContainsKey(k.Key)).OrderBy(k => k.Value, StringComparer.Ordinal))
        {
            var nearest = NearestName.Find(name, parameters.Select(p => p.Name));
            (warnings ?? Console.Error).WriteLine(
                $"warning W032: {parametersFile}: '{name}' is not a parameter of this build, so it is ignored." +
                (nearest is null ? string.Empty : $" Did you mean '{nearest}'?") + " See ./build.sh --help for the parameters.");
        }

        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            var key = CommandLine.Normalize(parameter.Name);
            if (commandLine.Values.TryGetValue(key, out var cli))
            {
                Set(build, parameter, Convert(parameter, cli.Values, "the command line"));
                sources[parameter.Name] = "command line";
            }
            else if (env.TryGetValue(key, out var variable) && variable.Value.Length > 0)
            {
                var values = parameter.IsList ? Split(variable.Value) : [variable.Value];
                Set(build, parameter, Convert(parameter, values, $"environment variable {variable.Name}"));
                sources[parameter.Name] = $"environment variable {variable.Name}";
            }
            else if (file.TryGetValue(key, out var element))
            {
                if (parameter.Attribute.Secret)
                {
                    throw new BuildException($"{parametersFile}: '{parameter.Name}' is a secret; pass it with {parameter.Option} or the {parameter.EnvironmentVariable} environment variable, never in a committed file.");
                }

                Set(build, parameter, Convert(parameter, JsonValues(element, parameter, parametersFile!), $"'{parameter.Name}' in {parametersFile}"));
                sources[parameter.Name] = "parameters.json";
            }
            else
            {
                sources[parameter.Name] = "default";
            }

            Check(build, parameter, sources[parameter.Name]);
        }

        return sources;
    }

    // The values of the parameters file by normalized key; written maps each normalized key to the name as written.
    private static Dictionary<string, JsonElement> ReadParametersFile(string? path, out Dictionary<string, string> written)
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        written = new Dictionary<string, string>(StringComparer.Ordinal);
        if (path is null || !File.Exists(path))
        {
            return result;
        }

        try
        {
            using var document = JsonDocument.Parse(BuildFiles.ReadJson(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new BuildException($"{path}: expected a JSON object of parameter values, e.g. {{ \"Configuration\": \"Release\" }}.");
            }

            foreach (var property in document.RootElement.EnumerateObject().Where(p => !p.Name.StartsWith('$')))
            {
                result[CommandLine.Normalize(property.Name)] = property.Value.Clone();
                written[CommandLine.Normalize(property.Name)] = property.Name;
            }
        }
        catch (JsonException e)
        {
            throw new BuildException($"{path} is not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }

        return result;
    }

    private static List<string> JsonValues(JsonElement element, ParameterDescriptor parameter, string path) => element.ValueKind switch
    {
        JsonValueKind.Array => element.EnumerateArray().Select(e => JsonValues(e, parameter, path).Single()).ToList(),
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => [element.GetRawText()],
        JsonValueKind.Null => [],
        _ => throw new BuildException($"{path}: '{parameter.Name}' must be a {parameter.TypeName}, not a JSON {element.ValueKind.ToString().ToLowerInvariant()}."),
    };

    private static List<string> Split(string value) =>
        value.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static object? Convert(ParameterDescriptor parameter, List<string> values, string origin)
    {
        var type = parameter.ValueType;
        if (type.IsArray)
        {
            return values.ToArray();
        }

        if (type == typeof(bool) && values.Count == 0)
        {
            return true;
        }

        if (values.Count == 0)
        {
            if (parameter.IsNullable)
            {
                return null;
            }

            throw new BuildException($"{parameter.Option} (from {origin}) needs a {parameter.TypeName} value.");
        }

        if (values.Count > 1)
        {
            throw new BuildException($"{parameter.Option} (from {origin}) takes one value, got {values.Count}: {string.Join(' ', values)}.");
        }

        var text = values[0];
        if (type == typeof(string))
        {
            return text;
        }

        if (type == typeof(bool))
        {
            return bool.TryParse(text, out var b) ? b : throw Invalid(parameter, origin, text, "true or false");
        }

        if (type == typeof(int))
        {
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : throw Invalid(parameter, origin, text, "a whole number");
        }

        if (type == typeof(double))
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : throw Invalid(parameter, origin, text, "a number");
        }

        if (type.IsEnum)
        {
            return Enum.TryParse(type, text, ignoreCase: true, out var e) && Enum.IsDefined(type, e!)
                ? e
                : throw Invalid(parameter, origin, text, "one of " + string.Join(", ", Enum.GetNames(type)));
        }

        throw new BuildException($"Parameter {parameter.Name} has type {type.Name}, which the binder does not support.");
    }

    private static BuildException Invalid(ParameterDescriptor parameter, string origin, string text, string expected) =>
        new($"{parameter.Option} is '{text}' (from {origin}); expected {expected}.");

    private static void Set(object build, ParameterDescriptor parameter, object? value)
    {
        if (!parameter.Property.CanWrite)
        {
            throw new BuildException($"Parameter {parameter.Name} has no setter; declare it as {{ get; set; }} or {{ get; init; }}.");
        }

        parameter.Property.SetValue(build, value);
    }

    private static void Check(object build, ParameterDescriptor parameter, string source)
    {
        var minimum = parameter.Attribute.Minimum;
        if (double.IsNaN(minimum) || parameter.GetValue(build) is not { } value || value is Array || value is string)
        {
            return;
        }

        var number = System.Convert.ToDouble(value, CultureInfo.InvariantCulture);
        if (number < minimum)
        {
            throw new BuildException($"{parameter.Option} is {number.ToString(CultureInfo.InvariantCulture)} (from {source}); it must be at least {minimum.ToString(CultureInfo.InvariantCulture)}.");
        }
    }
}
