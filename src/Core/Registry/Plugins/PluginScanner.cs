using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Pipeline.Components;

namespace Pipeline.Registry.Plugins;

/// <summary>
/// Reads the plugin attributes of one assembly and registers what they expose. Bad declarations (a type of the
/// wrong kind, no usable constructor) are registered as errors (E136) raised when the name is used.
/// </summary>
internal static class PluginScanner
{
    public static void Register(Assembly assembly, PluginTargets targets)
    {
        var name = assembly.GetName().Name ?? assembly.FullName ?? "(unnamed)";
        try
        {
            foreach (var a in assembly.GetCustomAttributes<PipelineFactoryAttribute>())
            {
                var (factory, error) = Factory(a.Name, a.FactoryType, name);
                targets.Factories.SetPlugin(a.Name, factory, error, name);
            }

            foreach (var a in assembly.GetCustomAttributes<PipelineLanguageAttribute>())
            {
                var (language, error) = LanguageOf(a.Code, a.LanguageType, name);
                targets.Languages.SetPlugin(a.Code, language, error, name);
            }

            foreach (var a in assembly.GetCustomAttributes<PipelineLookupsAttribute>())
            {
                var (tables, error) = PluginLookups.Create(a, assembly, name);
                targets.Lookups.SetPlugin(a.Name, tables, error, name);
            }

            foreach (var a in assembly.GetCustomAttributes<DisplacyColorsAttribute>())
            {
                RegisterColors(a.ColorsType, name, targets.Colors);
            }
        }
        catch (Exception e) when (e is TypeLoadException or FileNotFoundException or FileLoadException or BadImageFormatException or CustomAttributeFormatException)
        {
            Warnings.PluginAssemblyUnreadable(name, e.Message);
        }
    }

    /// <summary>A factory for an <see cref="IPipeFactory"/> type or an <see cref="IPipe"/> type with a usable constructor.</summary>
    internal static (PipeFactory? Factory, Func<PipelineException>? Error) Factory(string name, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] Type? type, string assembly)
    {
        Func<PipelineException> Invalid(string problem) =>
            () => Errors.PluginTypeInvalid("pipeline factory", name, type?.FullName ?? "(null)", assembly, problem);

        if (type is null || type.IsAbstract || type.IsGenericTypeDefinition)
        {
            return (null, Invalid("is not a concrete class"));
        }

        if (typeof(IPipeFactory).IsAssignableFrom(type))
        {
            var ctor = type.GetConstructor(Type.EmptyTypes);
            if (ctor is null)
            {
                return (null, Invalid("implements IPipeFactory but has no public parameterless constructor"));
            }

            var instance = new Lazy<IPipeFactory>(() => (IPipeFactory)Invoke(ctor, []), LazyThreadSafetyMode.ExecutionAndPublication);
            return ((nlp, config) => instance.Value.Create(nlp, config), null);
        }

        if (!typeof(IPipe).IsAssignableFrom(type))
        {
            return (null, Invalid("implements neither IPipeFactory nor IPipe"));
        }

        var config = typeof(IReadOnlyDictionary<string, object?>);
        if (type.GetConstructor([typeof(Language), config]) is { } both)
        {
            return ((nlp, cfg) => (IPipe)Invoke(both, [nlp, cfg]), null);
        }

        if (type.GetConstructor([typeof(Language)]) is { } withNlp)
        {
            return ((nlp, _) => (IPipe)Invoke(withNlp, [nlp]), null);
        }

        if (type.GetConstructor([config]) is { } withConfig)
        {
            return ((_, cfg) => (IPipe)Invoke(withConfig, [cfg]), null);
        }

        if (type.GetConstructor(Type.EmptyTypes) is { } plain)
        {
            return ((_, _) => (IPipe)Invoke(plain, []), null);
        }

        return (null, Invalid(
            "is an IPipe without a public constructor taking (Language, IReadOnlyDictionary<string, object?>), " +
            "(Language), (IReadOnlyDictionary<string, object?>) or nothing"));
    }

    internal static (LanguageClass? Language, Func<PipelineException>? Error) LanguageOf(string code, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] Type? type, string assembly)
    {
        if (type is null || type.IsAbstract || !typeof(Language).IsAssignableFrom(type))
        {
            return (null, () => Errors.PluginTypeInvalid("language", code, type?.FullName ?? "(null)", assembly, "is not a concrete subclass of Pipeline.Language"));
        }

        var ctor = type.GetConstructor(Type.EmptyTypes);
        return ctor is null
            ? (null, () => Errors.PluginTypeInvalid("language", code, type.FullName ?? type.Name, assembly, "has no public parameterless constructor"))
            : (new LanguageClass(type, () => (Language)Invoke(ctor, [])), null);
    }

    internal static object Invoke(ConstructorInfo ctor, object?[] args)
    {
        try
        {
            return ctor.Invoke(args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    private static void RegisterColors([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] Type? type, string assembly, PluginSlots<string> colors)
    {
        if (type is null || type.IsAbstract || !typeof(IDisplacyColors).IsAssignableFrom(type) || type.GetConstructor(Type.EmptyTypes) is not { } ctor)
        {
            Warnings.PluginAssemblyUnreadable(assembly, $"DisplacyColors type '{type?.FullName}' is not an IDisplacyColors class with a public parameterless constructor");
            return;
        }

        IReadOnlyDictionary<string, string> table;
        try
        {
            table = ((IDisplacyColors)Invoke(ctor, [])).Colors;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Warnings.PluginAssemblyUnreadable(assembly, $"DisplacyColors type '{type.FullName}' failed: {e.Message}");
            return;
        }

        foreach (var (label, color) in table)
        {
            if (Display.CssColor.IsValid(color))
            {
                colors.SetPlugin(label, color.Trim(), null, assembly);
            }
            else
            {
                colors.SetPlugin(label, null, () => Errors.InvalidColor(label, color, $"assembly '{assembly}'"), assembly);
            }
        }
    }
}
