using System.Diagnostics.CodeAnalysis;

namespace Pipeline.Registry.Plugins;

/// <summary>
/// Exposes a language class to every app that references the assembly:
/// <c>[assembly: PipelineLanguage("snk", typeof(SnekLanguage))]</c>. <c>Nlp.Blank("snk")</c>,
/// <c>Nlp.GetLanguageClass("snk")</c> and models whose meta.json says <c>"lang": "snk"</c> then work. The type
/// must derive from <see cref="Language"/> and have a public parameterless constructor.
/// </summary>
/// <param name="code">The language code.</param>
/// <param name="languageType">The <see cref="Language"/> subclass.</param>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class PipelineLanguageAttribute(string code, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] Type languageType) : Attribute
{
    /// <summary>The language code.</summary>
    public string Code { get; } = code;

    /// <summary>The <see cref="Language"/> subclass.</summary>
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)]
    public Type LanguageType { get; } = languageType;
}
