namespace DataOps.LocalHost.Hosting;

/// <summary>HTTP trigger settings, bound from <c>host.json</c> <c>extensions.http</c>.</summary>
internal sealed class HttpOptions
{
    /// <summary>Prefix of every HTTP function route (default <c>api</c>; empty for none).</summary>
    public string RoutePrefix { get; set; } = "api";

    /// <summary>Largest accepted request body in bytes (default 100 MB, as in Azure Functions); larger bodies get 413.</summary>
    public long MaxRequestBodySize { get; set; } = 104_857_600;
}
