namespace Pipeline.Build.Engine;

/// <summary>
/// Marks a property of the build class as a parameter, bound from the command line (<c>--name value</c>), then an
/// environment variable (<c>NAME</c> or <c>NA_ME</c>), then <c>.nuke/parameters.json</c>; else the initializer stays.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ParameterAttribute : Attribute
{
    /// <summary>Declares a parameter with its description.</summary>
    public ParameterAttribute(string description) => Description = description;

    /// <summary>What the parameter does, shown by <c>--help</c> and in the schema.</summary>
    public string Description { get; }

    /// <summary>A secret (an API key): never printed, and not read from parameters.json.</summary>
    public bool Secret { get; set; }

    /// <summary>
    /// The parameter's name when it differs from the property's (a target of the same name needs the property's):
    /// the option, environment variable and parameters.json key follow it. Null: the property's name.
    /// </summary>
    public string? Name { get; set; }

    /// <summary>The smallest allowed value of a number; NaN for none.</summary>
    public double Minimum { get; set; } = double.NaN;
}
