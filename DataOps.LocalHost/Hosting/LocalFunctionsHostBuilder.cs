using System.Reflection;
using DataOps.LocalHost.Hosting.Configuration;
using DataOps.LocalHost.Hosting.Indexing;
using Microsoft.Azure.Functions.Worker;

namespace DataOps.LocalHost.Hosting;

/// <summary>
/// Configures a function host: services, configuration and logging as in any .NET host, plus the classes
/// whose isolated-worker <see cref="FunctionAttribute"/> methods become functions.
/// </summary>
internal sealed class LocalFunctionsHostBuilder
{
    private readonly WebApplicationBuilder _web;
    private readonly List<Type> _types = [];
    private bool _functionsAdded;

    internal LocalFunctionsHostBuilder(LocalFunctionsHostOptions options)
    {
        var contentRoot = Path.GetFullPath(options.ContentRootPath ?? Directory.GetCurrentDirectory());
        _web = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [.. options.Args ?? []], ContentRootPath = contentRoot });
        HostConfiguration.Apply(_web.Configuration, options, contentRoot);
    }

    /// <summary>The services; function classes are created from them (constructor injection).</summary>
    public IServiceCollection Services => _web.Services;

    /// <summary>The configuration: defaults, host.json, local.settings.json values, environment, arguments (later wins).</summary>
    public ConfigurationManager Configuration => _web.Configuration;

    /// <summary>Logging; levels come from host.json <c>logging.logLevel</c>.</summary>
    public ILoggingBuilder Logging => _web.Logging;

    /// <summary>The host environment.</summary>
    public IHostEnvironment Environment => _web.Environment;

    /// <summary>Adds every public class of the assembly that declares functions.</summary>
    /// <param name="assembly">The assembly to scan.</param>
    /// <returns>This builder.</returns>
    public LocalFunctionsHostBuilder AddFunctionsFromAssembly(Assembly assembly)
    {
        _functionsAdded = true;
        _types.AddRange(assembly.GetExportedTypes().Where(t => t.IsClass && t.GetMethods().Any(m => m.IsDefined(typeof(FunctionAttribute)))));
        return this;
    }

    /// <summary>Adds the functions declared by the given classes.</summary>
    /// <param name="types">Classes with <see cref="FunctionAttribute"/> methods.</param>
    /// <returns>This builder.</returns>
    public LocalFunctionsHostBuilder AddFunctions(params Type[] types)
    {
        _functionsAdded = true;
        _types.AddRange(types);
        return this;
    }

    /// <summary>
    /// Indexes the functions (those of the entry assembly when none were added) and builds the host.
    /// </summary>
    /// <returns>The host, not yet started.</returns>
    /// <exception cref="FunctionIndexingException">A function is malformed; the message names it and the parameter.</exception>
    public LocalFunctionsHost Build()
    {
        if (!_functionsAdded && Assembly.GetEntryAssembly() is { } entry)
        {
            AddFunctionsFromAssembly(entry);
        }

        var functions = FunctionIndexer.Index(_types, Configuration);
        if (WebJobs.WebJobsHostServices.AreNeededBy(functions))
        {
            WebJobs.WebJobsHostServices.Add(Services, Configuration, functions);
        }

        HostServices.Add(Services, functions);
        HostTelemetry.Add(Services, Configuration);
        _web.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        _web.WebHost.UseUrls(Configuration["Host:Urls"] ?? $"http://127.0.0.1:{Configuration["Host:LocalHttpPort"] ?? "7071"}");
        _web.WebHost.ConfigureKestrel((context, kestrel) =>
            kestrel.Limits.MaxRequestBodySize = context.Configuration.GetValue("extensions:http:maxRequestBodySize", new HttpOptions().MaxRequestBodySize));
        var app = _web.Build();
        HostPipeline.Map(app, functions);
        return new LocalFunctionsHost(app, functions);
    }
}
