namespace DataOps.LocalHost.Hosting;

/// <summary>Entry point of a function app, shaped like the Azure Functions isolated worker's.</summary>
public static class FunctionsApplication
{
    /// <summary>Creates a builder with the Functions configuration sources (host.json, local.settings.json, environment, arguments).</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <returns>The builder.</returns>
    public static FunctionsApplicationBuilder CreateBuilder(string[] args) =>
        CreateBuilder(new FunctionsApplicationOptions { Args = args });

    /// <summary>Creates a builder with explicit options (content root, whether to read local.settings.json).</summary>
    /// <param name="options">The options.</param>
    /// <returns>The builder.</returns>
    public static FunctionsApplicationBuilder CreateBuilder(FunctionsApplicationOptions options) => new(options);
}
