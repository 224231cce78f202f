#include "core/endpoint/TrafficPattern.h"
