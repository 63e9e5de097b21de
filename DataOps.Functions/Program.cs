using DataOps.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration.Memory;

// The app on the Azure Functions isolated worker (`func start`, or deployed): the Functions host serves the triggers
// and runs the orchestrations; this process runs the functions with the app's services.
var builder = FunctionsApplication.CreateBuilder(args);
builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = DataOpsServiceCollectionExtensions.DefaultSettings });
builder.ConfigureFunctionsWebApplication();
builder.Services.AddDataOps(builder.Configuration);
await builder.Build().RunAsync();
