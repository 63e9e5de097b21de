using System.Reflection;
using DataOps.Functions;
using DataOps.Functions.Validation;
using DataOps.Functions.Workflows;
using DataOps.LocalHost.Hosting.Indexing;
using DataOps.LocalHost.Hosting.Invocation;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace DataOps.Tests.Functions.Workflows;

/// <summary>
/// The orchestration and activity functions the Functions host runs: one per class, and each activity function can build
/// its activity from the services the worker's Program.cs registers.
/// </summary>
public sealed class DurableFunctionsTests
{
    private static readonly (Dictionary<string, Type> Orchestrators, Dictionary<string, Type> Activities) Registry =
        (Tasks(typeof(Microsoft.DurableTask.TaskOrchestrator<,>)), Tasks(typeof(Microsoft.DurableTask.TaskActivity<,>)));

    [Fact]
    public void OrchestrationFunctions_OnePerOrchestrator()
    {
        Assert.Equal(Registry.Orchestrators.Keys.Order(StringComparer.Ordinal), FunctionNames(typeof(OrchestrationTriggerAttribute)));
    }

    [Fact]
    public void ActivityFunctions_OnePerActivity_WithADurableClientExactlyWhenTheActivityTakesOne()
    {
        Assert.Equal(Registry.Activities.Keys.Order(StringComparer.Ordinal), FunctionNames(typeof(ActivityTriggerAttribute)));
        foreach (var method in Functions(typeof(ActivityTriggerAttribute)))
        {
            var activity = Registry.Activities[method.GetCustomAttribute<FunctionAttribute>()!.Name];
            Assert.True(
                TakesClient(activity) == method.GetParameters().Any(p => p.IsDefined(typeof(DurableClientAttribute))),
                $"{method.Name}: [DurableClient] must be bound exactly when {activity.Name} takes a DurableTaskClient.");
        }
    }

    [Fact]
    public void EveryActivity_CanBeCreatedFromTheWorkersServices()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(DataOpsServiceCollectionExtensions.DefaultSettings).Build();
        using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddDataOps(configuration)
            .BuildServiceProvider();
        using var scope = services.CreateScope();
        var client = new Mock<DurableTaskClient>("test").Object;
        foreach (var activity in Registry.Activities.Values)
        {
            object[] arguments = TakesClient(activity) ? [client] : [];
            Assert.NotNull(ActivatorUtilities.CreateInstance(scope.ServiceProvider, activity, arguments));
        }
    }

    [Fact]
    public async Task ActivityContext_CarriesTheFunctionNameAndTheOrchestrationsInstanceId()
    {
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var method = typeof(ValidationWorkflowFunctions).GetMethod(nameof(ValidationWorkflowFunctions.BeginValidation))!;
        var function = new IndexedFunction(
            nameof(ValidationWorkflowFunctions.BeginValidation), typeof(ValidationWorkflowFunctions), method,
            new DurableTriggerDefinition(DurableTaskKind.Activity, nameof(ValidationWorkflowFunctions.BeginValidation)), []);
        var context = new HostFunctionContext(function, services, CancellationToken.None);
        context.SetBindingData(new Dictionary<string, object?> { ["instanceId"] = "provision:acme:sandbox" });

        var activityContext = new FunctionActivityContext(context);

        Assert.Equal(nameof(ValidationWorkflowFunctions.BeginValidation), activityContext.Name.Name);
        Assert.Equal("provision:acme:sandbox", activityContext.InstanceId);
    }

    /// <summary>The app's functions whose first parameter carries <paramref name="trigger"/>, wherever their slice declares them.</summary>
    private static IEnumerable<MethodInfo> Functions(Type trigger) =>
        typeof(DataOpsServiceCollectionExtensions).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.IsDefined(typeof(FunctionAttribute)) && m.GetParameters().FirstOrDefault()?.IsDefined(trigger) == true);

    private static List<string> FunctionNames(Type trigger) =>
        [.. Functions(trigger).Select(m => m.GetCustomAttribute<FunctionAttribute>()!.Name).Order(StringComparer.Ordinal)];

    /// <summary>The app's orchestrator or activity classes (deriving from <paramref name="baseType"/>) by class name.</summary>
    private static Dictionary<string, Type> Tasks(Type baseType) =>
        typeof(DataOpsServiceCollectionExtensions).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && Bases(t).Any(b => b.IsGenericType && b.GetGenericTypeDefinition() == baseType))
            .ToDictionary(t => t.Name, StringComparer.Ordinal);

    private static IEnumerable<Type> Bases(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            yield return current;
        }
    }

    private static bool TakesClient(Type activity) =>
        activity.GetConstructors().Single().GetParameters().Any(p => p.ParameterType == typeof(DurableTaskClient));
}
