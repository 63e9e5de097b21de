using System.Diagnostics.CodeAnalysis;

/// <summary>
/// The .NET startup hook (named by <c>DOTNET_STARTUP_HOOKS</c>) through which the load benchmark puts its probe into
/// the product host before the host's <c>Main</c> runs. The runtime requires this name in the global namespace.
/// </summary>
[SuppressMessage("Design", "CA1050:Declare types in namespaces", Justification = "The runtime looks the startup hook up by this exact name without a namespace.")]
internal static class StartupHook
{
    /// <summary>Called by the runtime once, before the application's entry point.</summary>
    public static void Initialize() => DataOps.Benchmarks.Load.HostProbe.Start();
}
