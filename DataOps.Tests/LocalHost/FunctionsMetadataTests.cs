using System.Reflection;
using System.Text.Json;
using DataOps.LocalHost;
using DataOps.LocalHost.Hosting;
using DataOps.LocalHost.Hosting.Indexing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DataOps.Tests.LocalHost;

/// <summary>
/// The local host serves exactly the functions the Functions host would: the functions.metadata that the Worker SDK
/// writes when DataOps.Functions builds (copied to this test's output with the app) is compared, function by function,
/// with what the local host indexed from the same assembly.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly string MetadataPath = Path.Combine(AppContext.BaseDirectory, "functions.metadata");

    [Fact]
    public void Metadata_ListsEveryTriggerKind()
    {
        var kinds = ReadMetadata().Select(f => TriggerOf(f).GetProperty("type").GetString()).ToHashSet();

        Assert.Superset(new HashSet<string?> { "httpTrigger", "queueTrigger", "timerTrigger", "orchestrationTrigger", "activityTrigger" }, kinds);
    }

    [Fact]
    public async Task LocalHost_ServesExactlyTheFunctionsInTheMetadata()
    {
        await using var host = BuildLocalHost();
        var configuration = host.Services.GetRequiredService<IConfiguration>();

        var expected = ReadMetadata().Select(f => Describe(f, configuration)).Order(StringComparer.Ordinal).ToList();
        var actual = host.Functions.Select(Describe).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task DurableAndQueueFunctions_AreExactlyTheWebJobsFunctionsTheExtensionsRun()
    {
        await using var host = BuildLocalHost();
        // The class the WebJobs SDK indexes (its ITypeLocator's; read by name: the tests do not compile against WebJobs).
        var locator = host.Services.GetRequiredService(Type.GetType("Microsoft.Azure.WebJobs.ITypeLocator, Microsoft.Azure.WebJobs.Host", throwOnError: true)!);
        var types = (IEnumerable<Type>)locator.GetType().GetMethod("GetTypes")!.Invoke(locator, null)!;
        var webJobs = types
            .SelectMany(t => t.GetMethods())
            .Select(m => m.GetCustomAttributes().FirstOrDefault(a => a.GetType().Name == "FunctionNameAttribute"))
            .OfType<Attribute>()
            .Select(a => (string)a.GetType().GetProperty("Name")!.GetValue(a)!)
            .Where(name => name != DataOps.LocalHost.WebJobs.FunctionSetEmitter.DurableClientFunction)
            .Order(StringComparer.Ordinal);
        var metadata = ReadMetadata().ToList();

        Assert.Equal(
            [.. NamesOf(metadata, "orchestrationTrigger").Concat(NamesOf(metadata, "activityTrigger")).Concat(NamesOf(metadata, "queueTrigger")).Order(StringComparer.Ordinal)],
            webJobs);
    }

    private static LocalFunctionsHost BuildLocalHost()
    {
        // Building indexes the functions and writes the WebJobs functions the extensions run; nothing starts.
        var builder = DataOpsLocalHost.CreateBuilder(new LocalFunctionsHostOptions { ContentRootPath = AppContext.BaseDirectory, LoadLocalSettings = false });
        builder.Configuration.AddInMemoryCollection([new("Host:Urls", "http://127.0.0.1:0")]);
        return builder.AddDataOpsApp().Build();
    }

    private static IEnumerable<JsonElement> ReadMetadata()
    {
        Assert.True(File.Exists(MetadataPath), $"{MetadataPath} is missing: building DataOps.Functions writes it.");
        using var document = JsonDocument.Parse(File.ReadAllText(MetadataPath));
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    private static List<string> NamesOf(IEnumerable<JsonElement> metadata, string triggerType) =>
        [.. metadata.Where(f => TriggerOf(f).GetProperty("type").GetString() == triggerType)
            .Select(f => f.GetProperty("name").GetString()!)
            .Order(StringComparer.Ordinal)];

    private static JsonElement TriggerOf(JsonElement function) =>
        function.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    /// <summary>One line per function from functions.metadata, with <c>%setting%</c> values resolved as the host resolves them.</summary>
    private static string Describe(JsonElement function, IConfiguration configuration)
    {
        var name = function.GetProperty("name").GetString()!;
        var trigger = TriggerOf(function);
        var type = trigger.GetProperty("type").GetString();
        var inputs = function.GetProperty("bindings").EnumerateArray()
            .Where(b => b.GetProperty("direction").GetString() == "In" && !b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal))
            .Select(b => b.GetProperty("type").GetString()!)
            .Order(StringComparer.Ordinal);
        var described = type switch
        {
            "httpTrigger" => Http(
                trigger.TryGetProperty("route", out var route) ? route.GetString()!.Trim('/') : name,
                trigger.TryGetProperty("methods", out var methods) ? methods.EnumerateArray().Select(m => m.GetString()!) : [],
                trigger.GetProperty("authLevel").GetString()!),
            "queueTrigger" => Queue(
                Resolve(trigger.GetProperty("queueName").GetString()!, configuration),
                trigger.TryGetProperty("connection", out var connection) ? connection.GetString()! : "AzureWebJobsStorage"),
            "timerTrigger" => Timer(
                Resolve(trigger.GetProperty("schedule").GetString()!, configuration),
                trigger.TryGetProperty("runOnStartup", out var runOnStartup) && runOnStartup.GetBoolean(),
                !trigger.TryGetProperty("useMonitor", out var useMonitor) || useMonitor.GetBoolean()),
            "orchestrationTrigger" => $"orchestration {name}",
            "activityTrigger" => $"activity {name}",
            _ => $"unknown trigger {type}",
        };
        return $"{name}: {described}; inputs [{string.Join(", ", inputs)}]";
    }

    /// <summary>The same line for a function the local host indexed.</summary>
    private static string Describe(IndexedFunction function)
    {
        var described = function.Trigger switch
        {
            HttpTriggerDefinition http => Http(http.Route, http.Methods, http.AuthLevel.ToString()),
            QueueTriggerDefinition queue => Queue(queue.QueueName, queue.ConnectionName),
            TimerTriggerDefinition timer => Timer(timer.Schedule.Expression, timer.RunOnStartup, timer.UseMonitor),
            DurableTriggerDefinition { Kind: DurableTaskKind.Orchestration } durable => $"orchestration {durable.TaskName}",
            DurableTriggerDefinition durable => $"activity {durable.TaskName}",
            var other => $"unknown trigger {other.GetType().Name}",
        };
        var inputs = function.Method.GetParameters()
            .Where(p => p.IsDefined(typeof(DurableClientAttribute)))
            .Select(_ => "durableClient");
        return $"{function.Name}: {described}; inputs [{string.Join(", ", inputs)}]";
    }

    private static string Http(string route, IEnumerable<string> methods, string authLevel) =>
        $"http {string.Join(",", methods.Select(m => m.ToUpperInvariant()).Order(StringComparer.Ordinal))} {route} auth {authLevel}";

    private static string Queue(string queue, string connection) => $"queue {queue} on {connection}";

    private static string Timer(string schedule, bool runOnStartup, bool useMonitor) =>
        $"timer '{schedule}' runOnStartup {runOnStartup} useMonitor {useMonitor}";

    private static string Resolve(string value, IConfiguration configuration) =>
        System.Text.RegularExpressions.Regex.Replace(value, "%([^%]+)%", m => configuration[m.Groups[1].Value] ?? m.Value);
}
