using System.Diagnostics.CodeAnalysis;

namespace Pipeline.Registry.Plugins;

/// <summary>
/// Exposes colors for entity labels to <see cref="Pipeline.Display.Displacy"/> in every app that references the assembly:
/// <c>[assembly: DisplacyColors(typeof(SnekColors))]</c>, an <see cref="IDisplacyColors"/> with a public
/// parameterless constructor. The colors are added to the built-in palette; replacing a built-in label's color
/// raises warning W016.
/// </summary>
/// <param name="colorsType">The <see cref="IDisplacyColors"/> type.</param>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class DisplacyColorsAttribute([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] Type colorsType) : Attribute
{
    /// <summary>The <see cref="IDisplacyColors"/> type.</summary>
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)]
    public Type ColorsType { get; } = colorsType;
}
