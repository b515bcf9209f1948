namespace Pipeline.Build.Tests.Support;

/// <summary>An enum parameter type.</summary>
internal enum ToyMode
{
    Fast,
    Thorough,
}
