namespace Pipeline.Build.Engine;

/// <summary>
/// A target, declared as a property of the build class: <c>Target Compile => _ => _.DependsOn(Restore).Executes(...)</c>.
/// The engine calls the delegate once with a fresh definition named after the property.
/// </summary>
/// <param name="definition">The definition to configure.</param>
/// <returns>The configured definition.</returns>
public delegate ITargetDefinition Target(ITargetDefinition definition);
