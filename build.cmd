@echo off
rem Bootstrapper: builds the orchestrator (build\_build.csproj) and runs it with the given arguments.
rem Needs only the .NET SDK named in global.json. build.cmd --help lists targets and parameters.
setlocal
set DOTNET_CLI_TELEMETRY_OPTOUT=1
set DOTNET_NOLOGO=1
set DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
set ROOT=%~dp0
where dotnet >nul 2>nul || (echo error: the .NET SDK is not on PATH; install the version in global.json ^(https://dot.net^) and retry. 1>&2 & exit /b 1)
rem Its own configuration keeps the orchestrator (optimized) apart from the tests' Debug and the Compile target's Release builds.
rem The first build restores and compiles the orchestrator with Pipeline.Core and Pipeline.Trainer (about a minute): say so.
if not exist "%ROOT%build\bin\Orchestrator\net10.0\_build.dll" echo Building the build orchestrator (build\_build.csproj) for the first time: about a minute; log in .nuke\bootstrap.log. 1>&2
dotnet build "%ROOT%build\_build.csproj" -c Orchestrator -p:Optimize=true --nologo -v quiet -clp:NoSummary > "%ROOT%.nuke\bootstrap.log" 2>&1
if errorlevel 1 (type "%ROOT%.nuke\bootstrap.log" 1>&2 & echo error: building build\_build.csproj failed ^(output above^). 1>&2 & exit /b 1)
cd /d "%ROOT%"
dotnet "%ROOT%build\bin\Orchestrator\net10.0\_build.dll" %*
exit /b %ERRORLEVEL%
