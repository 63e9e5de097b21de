namespace DataOps.Durable.Hosting;

/// <summary>
/// Binds an ASP.NET Core <c>HttpRequest</c> parameter to HTTP requests. The function is served at
/// <c>/{routePrefix}/{Route}</c> (route prefix from <c>host.json</c> <c>extensions.http.routePrefix</c>,
/// default <c>api</c>); when <see cref="Route"/> is not set the function name is the route.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class HttpTriggerAttribute : Attribute
{
    /// <summary>Creates a trigger with the given authorization level and HTTP methods (all methods when none).</summary>
    /// <param name="authLevel">The key the caller must present.</param>
    /// <param name="methods">Accepted HTTP methods, e.g. <c>"get"</c>, <c>"post"</c>.</param>
    public HttpTriggerAttribute(AuthorizationLevel authLevel, params string[] methods)
    {
        AuthLevel = authLevel;
        Methods = methods;
    }

    /// <summary>Creates a function-level trigger with the given HTTP methods.</summary>
    /// <param name="methods">Accepted HTTP methods.</param>
    public HttpTriggerAttribute(params string[] methods)
        : this(AuthorizationLevel.Function, methods)
    {
    }

    /// <summary>The key the caller must present.</summary>
    public AuthorizationLevel AuthLevel { get; }

    /// <summary>Accepted HTTP methods; empty means every method.</summary>
    public IReadOnlyList<string> Methods { get; }

    /// <summary>ASP.NET Core route template below the route prefix, e.g. <c>datasets/{id}</c>.</summary>
    public string? Route { get; set; }
}
