using System.Diagnostics.CodeAnalysis;

namespace Pipeline.Registry.Plugins;

/// <summary>
/// Exposes a pipeline component factory to every app that references the assembly, with no registration code:
/// <c>[assembly: PipelineFactory("snek", typeof(SnekFactory))]</c>. <c>Nlp.Load</c> and <c>nlp.CreatePipe</c>
/// then find "snek" as if it were built in. The type is either an <see cref="IPipeFactory"/> with a public
/// parameterless constructor, or an <see cref="Components.IPipe"/> class with a public constructor taking
/// <c>(Language nlp, IReadOnlyDictionary&lt;string, object?&gt; config)</c>, <c>(Language nlp)</c>,
/// <c>(IReadOnlyDictionary&lt;string, object?&gt; config)</c> or nothing (tried in that order).
/// </summary>
/// <param name="name">The factory name, as used in meta.json's "pipeline".</param>
/// <param name="factoryType">The factory or component type.</param>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class PipelineFactoryAttribute(string name, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] Type factoryType) : Attribute
{
    /// <summary>The factory name.</summary>
    public string Name { get; } = name;

    /// <summary>The factory or component type.</summary>
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)]
    public Type FactoryType { get; } = factoryType;
}
