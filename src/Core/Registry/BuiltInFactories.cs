namespace Pipeline.Registry;

/// <summary>The factories Pipeline.Core provides out of the box.</summary>
internal static class BuiltInFactories
{
    public static void RegisterAll(FactoryRegistry registry)
    {
        _ = registry;
    }
}
