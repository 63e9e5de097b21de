using DataOps.LocalHost.Hosting;
using DataOps.Tests.Hosting.Functions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataOps.Tests.Hosting;

public sealed class HostConfigurationTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("dataops-host-config");
    private readonly string _probe = "Probe" + Guid.NewGuid().ToString("N");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void CreateBuilder_AllSources_HostJsonThenLocalSettingsThenEnvironment()
    {
        File.WriteAllText(Path.Combine(_root.FullName, "host.json"), $$"""
            { "version": "2.0", "{{_probe}}": { "A": "host", "B": "host", "C": "host" },
              "extensions": { "http": { "routePrefix": "fromhost" }, "queues": { "batchSize": 4, "messageEncoding": "none" } } }
            """);
        File.WriteAllText(Path.Combine(_root.FullName, "local.settings.json"), $$"""
            { "IsEncrypted": false, "Values": { "{{_probe}}__B": "local", "{{_probe}}__C": "local", "FunctionKeys__default": "k1" },
              "Host": { "LocalHttpPort": 7199 }, "ConnectionStrings": { "Other": "UseDevelopmentStorage=true" } }
            """);
        Environment.SetEnvironmentVariable($"{_probe}__C", "env");
        try
        {
            var builder = CreateBuilder(loadLocalSettings: true);

            Assert.Equal("host", builder.Configuration[$"{_probe}:A"]);
            Assert.Equal("local", builder.Configuration[$"{_probe}:B"]);
            Assert.Equal("env", builder.Configuration[$"{_probe}:C"]);
            Assert.Equal("k1", builder.Configuration["FunctionKeys:default"]);
            Assert.Equal("7199", builder.Configuration["Host:LocalHttpPort"]);
            Assert.Equal("UseDevelopmentStorage=true", builder.Configuration["ConnectionStrings:Other"]);
            Assert.Equal("fromhost", builder.Configuration["extensions:http:routePrefix"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable($"{_probe}__C", null);
        }
    }

    [Fact]
    public void Build_HostJsonExtensions_ReachTheExtensionsAndTheHttpOptions()
    {
        File.WriteAllText(Path.Combine(_root.FullName, "host.json"), """
            { "extensions": { "http": { "routePrefix": "", "maxRequestBodySize": 2048 },
              "queues": { "batchSize": 4, "newBatchThreshold": 1, "maxPollingInterval": "00:00:05", "visibilityTimeout": "00:00:10",
                          "maxDequeueCount": 3, "messageEncoding": "none" },
              "durableTask": { "hubName": "HostJsonHub", "maxConcurrentActivityFunctions": 7, "extendedSessionsEnabled": true,
                               "storageProvider": { "partitionCount": 3, "maxQueuePollingInterval": "00:00:02" } } } }
            """);
        var builder = CreateBuilder(loadLocalSettings: false).AddFunctions(typeof(QueueTestFunctions));
        builder.Configuration.AddInMemoryCollection([new("Test:OrderQueue", "orders"), new("Test:FlakyQueue", "flaky")]);
        using var host = builder.Build();

        // The extensions' own option types, bound as the Functions host binds them (read here by name: the tests do not
        // compile against the WebJobs packages).
        var queues = ExtensionOptions(host, "Microsoft.Azure.WebJobs.Host.QueuesOptions, Microsoft.Azure.WebJobs.Extensions.Storage.Queues");
        var durable = ExtensionOptions(host, "Microsoft.Azure.WebJobs.Extensions.DurableTask.DurableTaskOptions, Microsoft.Azure.WebJobs.Extensions.DurableTask");
        var http = host.Services.GetRequiredService<IOptions<HttpOptions>>().Value;

        Assert.Equal((4, 1, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), 3, "None"),
            ((int)queues["BatchSize"]!, (int)queues["NewBatchThreshold"]!, (TimeSpan)queues["MaxPollingInterval"]!, (TimeSpan)queues["VisibilityTimeout"]!,
             (int)queues["MaxDequeueCount"]!, queues["MessageEncoding"]!.ToString()));
        Assert.Equal(("HostJsonHub", 7, true), ((string)durable["HubName"]!, (int)durable["MaxConcurrentActivityFunctions"]!, (bool)durable["ExtendedSessionsEnabled"]!));
        var storage = (IDictionary<string, object>)durable["StorageProvider"]!;
        Assert.Equal(("3", "00:00:02"), (storage["partitionCount"].ToString(), storage["maxQueuePollingInterval"].ToString()));
        Assert.Equal((string.Empty, 2048L), (http.RoutePrefix, http.MaxRequestBodySize));
    }

    private static Dictionary<string, object?> ExtensionOptions(LocalFunctionsHost host, string typeName)
    {
        var type = Type.GetType(typeName, throwOnError: true)!;
        var options = host.Services.GetRequiredService(typeof(IOptions<>).MakeGenericType(type));
        var value = options.GetType().GetProperty(nameof(IOptions<object>.Value))!.GetValue(options)!;
        return type.GetProperties().Where(p => p.GetIndexParameters().Length == 0).ToDictionary(p => p.Name, p => p.GetValue(value));
    }

    [Fact]
    public void CreateBuilder_NoLocalSettings_DefaultsToAzuriteAndLocalGlean()
    {
        var builder = CreateBuilder(loadLocalSettings: true);

        Assert.Equal("UseDevelopmentStorage=true", builder.Configuration["AzureWebJobsStorage"]);
        Assert.Equal("http://127.0.0.1:7081", builder.Configuration["Glean:BaseUrl"]);
    }

    [Fact]
    public void Build_HostJsonLogLevels_FilterLoggers()
    {
        File.WriteAllText(Path.Combine(_root.FullName, "host.json"), """
            { "logging": { "logLevel": { "default": "Warning", "DataOps": "Debug" } } }
            """);
        using var host = CreateBuilder(loadLocalSettings: false).AddFunctions().Build();
        var loggers = host.Services.GetRequiredService<ILoggerFactory>();

        Assert.False(loggers.CreateLogger("Other.Category").IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger("Other.Category").IsEnabled(LogLevel.Warning));
        Assert.True(loggers.CreateLogger("DataOps.Registry").IsEnabled(LogLevel.Debug));
    }

    [Fact]
    public void CreateBuilder_LocalSettingsNotJson_FailsNamingTheFile()
    {
        File.WriteAllText(Path.Combine(_root.FullName, "local.settings.json"), "{ \"Values\": ");

        var error = Assert.ThrowsAny<InvalidOperationException>(() => CreateBuilder(loadLocalSettings: true));

        Assert.Contains("local.settings.json", error.Message, StringComparison.Ordinal);
    }

    private LocalFunctionsHostBuilder CreateBuilder(bool loadLocalSettings) =>
        LocalFunctionsHost.CreateBuilder(new LocalFunctionsHostOptions
        {
            ContentRootPath = _root.FullName,
            LoadLocalSettings = loadLocalSettings,
            SearchRepositoryRoot = false,
        });
}
