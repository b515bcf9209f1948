using System.Reflection;

namespace Pipeline.Build.Engine;

/// <summary>A declared parameter: the property, its description and the names it is found under.</summary>
public sealed class ParameterDescriptor
{
    internal ParameterDescriptor(PropertyInfo property, ParameterAttribute attribute)
    {
        Property = property;
        Attribute = attribute;
    }

    /// <summary>The property the value is bound to.</summary>
    public PropertyInfo Property { get; }

    /// <summary>The declaration.</summary>
    public ParameterAttribute Attribute { get; }

    /// <summary>The parameter's name, as in parameters.json (the property name unless the attribute gives one).</summary>
    public string Name => Attribute.Name ?? Property.Name;

    /// <summary>The command-line option: <c>--api-key</c> for <c>ApiKey</c>.</summary>
    public string Option => "--" + string.Concat(Words.Select(w => w.ToLowerInvariant())
        .Select((w, i) => i == 0 ? w : "-" + w));

    /// <summary>The environment variable: <c>API_KEY</c> for <c>ApiKey</c> (the plain upper-case name works too).</summary>
    public string EnvironmentVariable => string.Join('_', Words).ToUpperInvariant();

    /// <summary>The value type, without <see cref="Nullable{T}"/>.</summary>
    public Type ValueType => Nullable.GetUnderlyingType(Property.PropertyType) ?? Property.PropertyType;

    /// <summary>Whether the parameter may be null (<c>int?</c>, <c>string?</c>).</summary>
    public bool IsNullable =>
        Nullable.GetUnderlyingType(Property.PropertyType) is not null
        || (!Property.PropertyType.IsValueType && new NullabilityInfoContext().Create(Property).WriteState == NullabilityState.Nullable);

    /// <summary>Whether the parameter is a list (<c>string[]</c>).</summary>
    public bool IsList => ValueType.IsArray;

    /// <summary>A short type name for help: string, int, bool, list, or the enum's values.</summary>
    public string TypeName => ValueType switch
    {
        var t when t == typeof(bool) => "bool",
        var t when t == typeof(int) => "int",
        var t when t == typeof(double) => "number",
        var t when t.IsArray => "list",
        var t when t.IsEnum => string.Join('|', Enum.GetNames(t)),
        _ => "string",
    };

    /// <summary>The current value of the parameter on <paramref name="build"/>.</summary>
    public object? GetValue(object build) => Property.GetValue(build);

    /// <summary>Whether the parameter has a value on <paramref name="build"/> (non-null, non-empty).</summary>
    public bool HasValue(object build) => GetValue(build) switch
    {
        null => false,
        string s => s.Length > 0,
        Array a => a.Length > 0,
        _ => true,
    };

    private IEnumerable<string> Words
    {
        get
        {
            var name = Name;
            var start = 0;
            for (var i = 1; i < name.Length; i++)
            {
                if (char.IsUpper(name[i]) && (!char.IsUpper(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                {
                    yield return name[start..i];
                    start = i;
                }
            }

            yield return name[start..];
        }
    }
}
