using DataOps.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(AzuriteFixture))]
